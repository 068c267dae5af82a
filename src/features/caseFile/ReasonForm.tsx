// A short form that asks why (사유) before a change that the history keeps: a new case level, reopening.
import { useState } from 'react'
import type { ReactNode } from 'react'
import { useT } from '../../i18n'
import { Field, FormActions, ImeTextArea } from '../common'
import { useCommand } from './useCommand'

export function ReasonForm({ title, children, onSubmit, onDone, onSaved }: {
  title: string
  /** Fields before the reason (e.g. the new level). */
  children?: ReactNode
  onSubmit: (reason: string) => Promise<unknown>
  /** Closes the form (saved or cancelled). */
  onDone: () => void
  onSaved?: () => void
}) {
  const t = useT()
  const cmd = useCommand(['reason', 'level'])
  const [reason, setReason] = useState('')
  return (
    <form
      className="cf-reason"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault()
        void cmd.run(() => onSubmit(reason)).then((ok) => {
          if (!ok) return
          onDone()
          onSaved?.()
        })
      }}
    >
      <h3>{title}</h3>
      {children}
      <Field label={t('caseFile.reason')} error={cmd.errorFor('reason')} required>
        {(c) => <ImeTextArea {...c} rows={2} value={reason} onCommit={setReason} />}
      </Field>
      <FormActions busy={cmd.busy} error={cmd.formError ?? cmd.errorFor('level')} onCancel={onDone} />
    </form>
  )
}
