// 종결: date and a reason picked from the seed's three groups (긍정적 / 여건 / 자체), with a note.
import { useState } from 'react'
import { CLOSURE_GROUP_KEYS, closureReasonsOf, CLOSURE_GROUPS, formatDate, todayInSeoul } from '../../../domain'
import type { CaseFile, ClosureReason } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { closeCase } from '../../../store'
import { Badge, Button, Field, FormError, Section } from '../../common'
import { useCommand } from '../useCommand'

const FIELDS = ['date', 'reason', 'note'] as const

export function ClosureSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const closure = caseFile.closure
  const [open, setOpen] = useState(false)
  const isClosed = caseFile.meta.stage === 'closed' || caseFile.meta.stage === 'followUp'
  return (
    <Section
      title={t('caseFile.closure.title')}
      actions={open || isClosed ? null : <Button onClick={() => setOpen(true)}>{t('caseFile.closure.start')}</Button>}
    >
      {closure ? (
        <p>
          <Badge tone="warn">{label('closureGroup', CLOSURE_GROUPS[closure.reason])}</Badge> {label('closureReason', closure.reason)} ·{' '}
          <span className="cf-meta">{formatDate(closure.date)}</span>
          {closure.note ? <span> · {closure.note}</span> : null}
        </p>
      ) : open ? null : (
        <p className="ui-empty">{t('caseFile.closure.empty')}</p>
      )}
      {open ? <ClosureForm caseId={caseFile.meta.id} onDone={() => setOpen(false)} /> : null}
    </Section>
  )
}

function ClosureForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand(FIELDS)
  const [date, setDate] = useState(todayInSeoul())
  const [reason, setReason] = useState<ClosureReason | ''>('')
  const [note, setNote] = useState('')
  const [reasonError, setReasonError] = useState<string | undefined>(undefined)
  const save = async () => {
    if (reason === '') {
      setReasonError(t('caseFile.closure.reasonRequired'))
      return
    }
    setReasonError(undefined)
    if (await cmd.run(() => closeCase(caseId, { date, reason, note: note.trim() || undefined }))) onDone()
  }
  return (
    <form
      className="cf-card"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <Field label={t('caseFile.closure.date')} error={cmd.errorFor('date')}>
        {(c) => <input className="ui-input" type="date" {...c} value={date} onChange={(e) => setDate(e.currentTarget.value)} />}
      </Field>
      <Field label={t('caseFile.closure.reason')} error={reasonError ?? cmd.errorFor('reason')} required>
        {(c) => (
          <select className="ui-input" {...c} value={reason} onChange={(e) => setReason(e.currentTarget.value as ClosureReason | '')}>
            <option value="">{t('caseFile.closure.pickReason')}</option>
            {CLOSURE_GROUP_KEYS.map((g) => (
              <optgroup key={g} label={label('closureGroup', g)}>
                {closureReasonsOf(g).map((r) => (
                  <option key={r} value={r}>
                    {label('closureReason', r)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('caseFile.note')} error={cmd.errorFor('note')}>
        {(c) => <textarea className="ui-input" rows={3} {...c} value={note} onChange={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      <FormError message={cmd.formError} />
      <div className="ui-row">
        <Button type="submit" variant="danger" disabled={cmd.busy}>
          {t('caseFile.closure.confirm')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  )
}
