// Single-line text input that is safe with the Korean IME (see useImeText).
import type { FocusEvent, InputHTMLAttributes } from 'react'
import { useImeText } from './useImeText'
import './common.css'

type NativeProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'defaultValue' | 'onChange' | 'onInput' | 'onBlur' | 'onCompositionStart' | 'onCompositionEnd'
>

export interface ImeTextInputProps extends NativeProps {
  value: string
  onCommit: (value: string) => void
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void
  commitIntervalMs?: number
}

export function ImeTextInput({ value, onCommit, onBlur, commitIntervalMs, className, ...rest }: ImeTextInputProps) {
  const handlers = useImeText<HTMLInputElement>({
    value,
    onCommit,
    onBlur: onBlur as ((e: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => void) | undefined,
    commitIntervalMs,
  })
  return <input type="text" className={`ui-input ${className ?? ''}`.trim()} {...rest} {...handlers} />
}
