// Multi-line text area that is safe with the Korean IME (see useImeText).
import type { FocusEvent, TextareaHTMLAttributes } from 'react'
import { useImeText } from './useImeText'
import './common.css'

type NativeProps = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'value' | 'defaultValue' | 'onChange' | 'onInput' | 'onBlur' | 'onCompositionStart' | 'onCompositionEnd'
>

export interface ImeTextAreaProps extends NativeProps {
  value: string
  onCommit: (value: string) => void
  onBlur?: (event: FocusEvent<HTMLTextAreaElement>) => void
  commitIntervalMs?: number
}

export function ImeTextArea({ value, onCommit, onBlur, commitIntervalMs, className, rows = 5, ...rest }: ImeTextAreaProps) {
  const handlers = useImeText<HTMLTextAreaElement>({
    value,
    onCommit,
    onBlur: onBlur as ((e: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => void) | undefined,
    commitIntervalMs,
  })
  return <textarea rows={rows} className={`ui-input ${className ?? ''}`.trim()} {...rest} {...handlers} />
}
