// 사례회의: recordable at any stage (수시). Kind, date, attendees, decision, notes; list newest first.
// Each conference can be edited in place (the same form) and deleted (asks once, undo from the toast).
import { useState } from 'react'
import type { FormEvent } from 'react'
import { CONFERENCE_DECISIONS, CONFERENCE_KINDS, formatDate, todayInSeoul } from '../../../domain'
import type { CaseFile, Conference, ConferenceDecision, ConferenceKind } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { addConference, removeConference, undoRemove, updateConference } from '../../../store'
import {
  Button,
  ChoiceGroup,
  EmptyState,
  Field,
  FormActions,
  FormError,
  ImeTextArea,
  ImeTextInput,
  RecordActions,
  Section,
  formText,
  readAtSubmit,
  splitNames,
  useDeleteWithUndo,
} from '../../common'
import { useCommand } from '../useCommand'

const FIELDS = ['kind', 'date', 'attendees', 'decision', 'notes'] as const

export function ConferenceSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const caseId = caseFile.meta.id
  const [editing, setEditing] = useState<string | 'new' | undefined>(undefined)
  const removal = useCommand()
  const deleteWithUndo = useDeleteWithUndo(removal.run)
  const list = [...caseFile.conferences].sort((a, b) => b.date.localeCompare(a.date))
  return (
    <Section
      title={t('caseFile.conference.title')}
      actions={editing === undefined ? <Button onClick={() => setEditing('new')}>{t('caseFile.conference.add')}</Button> : null}
    >
      {editing === 'new' ? <ConferenceForm caseId={caseId} onDone={() => setEditing(undefined)} /> : null}
      <FormError message={removal.formError} />
      {list.length === 0 ? (
        <EmptyState>{t('caseFile.conference.empty')}</EmptyState>
      ) : (
        <ul className="ui-list">
          {list.map((c) =>
            editing === c.id ? (
              <li key={c.id}>
                <ConferenceForm caseId={caseId} initial={c} onDone={() => setEditing(undefined)} />
              </li>
            ) : (
              <li key={c.id} className="ui-record">
                <div className="ui-record__body">
                  <strong>{formatDate(c.date)}</strong> · {label('conferenceKind', c.kind)} · {label('conferenceDecision', c.decision)}
                  {c.attendees.length ? (
                    <div className="cf-meta">
                      {t('caseFile.conference.attendees')}: {c.attendees.join(', ')}
                    </div>
                  ) : null}
                  {c.notes ? <div>{c.notes}</div> : null}
                </div>
                <RecordActions
                  what={t('caseFile.conference.what', { date: formatDate(c.date) })}
                  disabled={editing !== undefined}
                  onEdit={() => setEditing(c.id)}
                  onDelete={() => void deleteWithUndo(() => removeConference(caseId, c.id), undoRemove)}
                />
              </li>
            ),
          )}
        </ul>
      )}
    </Section>
  )
}

function ConferenceForm({ caseId, initial, onDone }: { caseId: string; initial?: Conference; onDone: () => void }) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand(FIELDS)
  const [kind, setKind] = useState<ConferenceKind>(initial?.kind ?? 'internal')
  const [date, setDate] = useState(initial?.date ?? todayInSeoul())
  const [decision, setDecision] = useState<ConferenceDecision>(initial?.decision ?? 'continue')
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const attendees = splitNames(formText(e.currentTarget, 'attendees'))
    const notes = formText(e.currentTarget, 'notes')
    const input = { kind, date, attendees, decision, notes }
    const ok = await cmd.run(() => (initial ? updateConference(caseId, initial.id, input) : addConference(caseId, input)))
    if (ok) onDone()
  }
  return (
    <form className="cf-card" onSubmit={(e) => void save(e)} aria-label={initial ? t('caseFile.conference.edit') : t('caseFile.conference.add')}>
      <ChoiceGroup
        legend={t('caseFile.conference.kind')}
        choices={CONFERENCE_KINDS.map((k) => ({ value: k, label: label('conferenceKind', k) }))}
        value={kind}
        onChange={setKind}
        error={cmd.errorFor('kind')}
      />
      <Field label={t('caseFile.conference.date')} error={cmd.errorFor('date')}>
        {(c) => <input className="ui-input" type="date" {...c} value={date} onChange={(e) => setDate(e.currentTarget.value)} />}
      </Field>
      <Field label={t('caseFile.conference.attendees')} error={cmd.errorFor('attendees')} hint={t('caseFile.namesHint')}>
        {(c) => <ImeTextInput {...c} name="attendees" value={initial?.attendees.join(', ') ?? ''} onCommit={readAtSubmit} />}
      </Field>
      <ChoiceGroup
        legend={t('caseFile.conference.decision')}
        choices={CONFERENCE_DECISIONS.map((d) => ({ value: d, label: label('conferenceDecision', d) }))}
        value={decision}
        onChange={setDecision}
        error={cmd.errorFor('decision')}
      />
      <Field label={t('caseFile.conference.notes')} error={cmd.errorFor('notes')}>
        {(c) => <ImeTextArea {...c} name="notes" value={initial?.notes ?? ''} onCommit={readAtSubmit} />}
      </Field>
      <FormActions busy={cmd.busy} error={cmd.formError} onCancel={onDone} />
    </form>
  )
}
