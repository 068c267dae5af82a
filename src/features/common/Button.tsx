// A button with a 44 px touch target. type defaults to "button" so it never submits a form by accident.
import type { ButtonHTMLAttributes } from 'react'
import './common.css'

export type ButtonVariant = 'default' | 'primary' | 'danger' | 'ghost'

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant
}

export function Button({ variant = 'default', className, type = 'button', ...rest }: ButtonProps) {
  const classes = ['ui-button', variant === 'default' ? '' : `ui-button--${variant}`, className ?? '']
  return <button type={type} className={classes.filter(Boolean).join(' ')} {...rest} />
}
