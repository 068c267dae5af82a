// One free-text field of a visit note, bound to its Y.Text: saved as typed, IME-safe.
import { useT } from '../../i18n'
import { setText } from '../../store'
import { Field, ImeTextArea } from '../common'
import { useCommand } from '../caseFile/useCommand'

export type VisitTextKey = 'welfareCheck' | 'health' | 'housing' | 'observations' | 'nextSteps'

export interface VisitTextFieldProps {
  caseId: string
  visitId: string
  field: VisitTextKey
  value: string
  track: (write: Promise<boolean>) => void
  rows?: number
}

const FIELDS: readonly VisitTextKey[] = ['welfareCheck', 'health', 'housing', 'observations', 'nextSteps']

export function VisitTextField({ caseId, visitId, field, value, track, rows = 3 }: VisitTextFieldProps) {
  const t = useT()
  const cmd = useCommand(FIELDS)
  return (
    <Field label={t(`visit.field.${field}`)} error={cmd.errorFor(field) ?? cmd.formError}>
      {(c) => <ImeTextArea {...c} rows={rows} value={value} onCommit={(v) => track(cmd.run(() => setText(caseId, ['visits', visitId, field], v)))} />}
    </Field>
  )
}
