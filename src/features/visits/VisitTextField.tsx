// One free-text field of a visit note, IME-safe. `save` writes it: into the case's Y.Text once the visit
// exists (saved as typed), into the sealed draft before that.
import { useT } from '../../i18n'
import { Field, ImeTextArea } from '../common'
import { useCommand } from '../caseFile/useCommand'
import { VISIT_TEXT_KEYS } from './visitDraft'
import type { VisitTextKey } from './visitDraft'

export type { VisitTextKey } from './visitDraft'

export interface VisitTextFieldProps {
  field: VisitTextKey
  value: string
  save: (field: VisitTextKey, value: string) => Promise<unknown>
  track: (write: Promise<boolean>) => void
  /** A refusal that came from elsewhere (saving the draft as a visit). */
  error?: string
  rows?: number
}

export function VisitTextField({ field, value, save, track, error, rows = 3 }: VisitTextFieldProps) {
  const t = useT()
  const cmd = useCommand(VISIT_TEXT_KEYS)
  return (
    <Field label={t(`visit.field.${field}`)} error={cmd.errorFor(field) ?? cmd.formError ?? error}>
      {(c) => <ImeTextArea {...c} rows={rows} value={value} onCommit={(v) => track(cmd.run(() => save(field, v)))} />}
    </Field>
  )
}
