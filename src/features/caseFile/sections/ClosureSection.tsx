// 종결: date and a reason picked from the seed's three groups (긍정적 / 여건 / 자체), with a note. The
// closure can be edited; it can be deleted only where the domain allows it (not while 종결 or 사후관리,
// not once follow-ups were recorded): asks once, undo from the toast.
import { useState } from 'react'
import type { FormEvent } from 'react'
import { CLOSURE_GROUP_KEYS, closureReasonsOf, CLOSURE_GROUPS, formatDate, todayInSeoul } from '../../../domain'
import type { CaseFile, Closure, ClosureReason } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { closeCase, removeClosure, undoRemove, updateClosure } from '../../../store'
import { Badge, Button, Field, FormError, ImeTextArea, RecordActions, Section, formText, readAtSubmit, useDeleteWithUndo } from '../../common'
import { useCommand } from '../useCommand'

const FIELDS = ['date', 'reason', 'note'] as const

export function ClosureSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const closure = caseFile.closure
  const caseId = caseFile.meta.id
  const [open, setOpen] = useState<'close' | 'edit' | undefined>(undefined)
  const removal = useCommand()
  const deleteWithUndo = useDeleteWithUndo(removal.run)
  const isClosed = caseFile.meta.stage === 'closed' || caseFile.meta.stage === 'followUp'
  const deletable = !isClosed && caseFile.followUps.length === 0
  return (
    <Section
      title={t('caseFile.closure.title')}
      actions={open || isClosed ? null : <Button onClick={() => setOpen('close')}>{t('caseFile.closure.start')}</Button>}
    >
      {closure && open !== 'edit' ? (
        <div className="ui-record">
          <p className="ui-record__body">
            <Badge tone="warn">{label('closureGroup', CLOSURE_GROUPS[closure.reason])}</Badge> {label('closureReason', closure.reason)} ·{' '}
            <span className="cf-meta">{formatDate(closure.date)}</span>
            {closure.note ? <span> · {closure.note}</span> : null}
          </p>
          {deletable ? (
            <RecordActions
              what={t('caseFile.closure.title')}
              disabled={open !== undefined}
              onEdit={() => setOpen('edit')}
              onDelete={() => void deleteWithUndo(() => removeClosure(caseId), undoRemove)}
            />
          ) : (
            <Button onClick={() => setOpen('edit')} disabled={open !== undefined}>
              {t('caseFile.edit')}
            </Button>
          )}
        </div>
      ) : open ? null : (
        <p className="ui-empty">{t('caseFile.closure.empty')}</p>
      )}
      <FormError message={removal.formError} />
      {open ? <ClosureForm caseId={caseId} initial={open === 'edit' ? closure : undefined} onDone={() => setOpen(undefined)} /> : null}
    </Section>
  )
}

function ClosureForm({ caseId, initial, onDone }: { caseId: string; initial?: Closure; onDone: () => void }) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand(FIELDS)
  const [date, setDate] = useState(initial?.date ?? todayInSeoul())
  const [reason, setReason] = useState<ClosureReason | ''>(initial?.reason ?? '')
  const [reasonError, setReasonError] = useState<string | undefined>(undefined)
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const note = formText(e.currentTarget, 'note').trim() ? formText(e.currentTarget, 'note') : undefined
    if (reason === '') {
      setReasonError(t('caseFile.closure.reasonRequired'))
      return
    }
    setReasonError(undefined)
    const input = { date, reason, note }
    if (await cmd.run(() => (initial ? updateClosure(caseId, input) : closeCase(caseId, input)))) onDone()
  }
  return (
    <form className="cf-card" onSubmit={(e) => void save(e)} aria-label={initial ? t('caseFile.closure.edit') : t('caseFile.closure.start')}>
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
        {(c) => <ImeTextArea {...c} rows={3} name="note" value={initial?.note ?? ''} onCommit={readAtSubmit} />}
      </Field>
      <FormError message={cmd.formError} />
      <div className="ui-row">
        <Button type="submit" variant={initial ? 'primary' : 'danger'} disabled={cmd.busy}>
          {initial ? t('common.save') : t('caseFile.closure.confirm')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  )
}
