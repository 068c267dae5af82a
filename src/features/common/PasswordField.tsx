// A labelled password input (sign-in, unlock, server sign-in again, password change).
import type { ReactNode } from 'react'
import { Field } from './Field'

export interface PasswordFieldProps {
  label: ReactNode
  value: string
  onChange: (value: string) => void
  autoComplete?: 'current-password' | 'new-password'
  error?: string
}

export function PasswordField({ label, value, onChange, autoComplete = 'current-password', error }: PasswordFieldProps) {
  return (
    <Field label={label} error={error}>
      {(c) => (
        <input {...c} className="ui-input" type="password" autoComplete={autoComplete} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  )
}
