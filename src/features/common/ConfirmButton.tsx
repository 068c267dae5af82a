// Two-step button for destructive or irreversible actions: first press arms it, second press acts.
// It disarms by itself after a few seconds so a stray tap later does nothing.
import { useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import { Button } from './Button'
import type { ButtonVariant } from './Button'

export interface ConfirmButtonProps {
  children: ReactNode
  /** Label while armed, e.g. "정말 삭제할까요? 한 번 더 누르세요". */
  confirmLabel: ReactNode
  onConfirm: () => void
  variant?: ButtonVariant
  disabled?: boolean
  timeoutMs?: number
}

export function ConfirmButton({ children, confirmLabel, onConfirm, variant = 'default', disabled, timeoutMs = 4000 }: ConfirmButtonProps) {
  const [armed, setArmed] = useState(false)
  useEffect(() => {
    if (!armed) return
    const t = setTimeout(() => setArmed(false), timeoutMs)
    return () => clearTimeout(t)
  }, [armed, timeoutMs])
  return (
    <Button
      variant={armed ? 'danger' : variant}
      disabled={disabled}
      aria-live="polite"
      onClick={() => {
        if (!armed) {
          setArmed(true)
          return
        }
        setArmed(false)
        onConfirm()
      }}
    >
      {armed ? confirmLabel : children}
    </Button>
  )
}
