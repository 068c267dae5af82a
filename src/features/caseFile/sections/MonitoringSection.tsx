// 점검(모니터링): dated notes with the contact outcome (only 만남/연락됨 count as contact). A note can be
// edited in place and deleted (asks once, undo from the toast). The contact outcome has no default.
import { useState } from 'react'
import type { FormEvent } from 'react'
import { CONTACT_OUTCOMES, formatDate, todayInSeoul } from '../../../domain'
import type { CaseFile, ContactOutcome } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { addMonitoringNote, removeMonitoringNote, undoRemove, updateMonitoringNote } from '../../../store'
import {
  Badge,
  Button,
  ChoiceGroup,
  EmptyState,
  Field,
  FormActions,
  FormError,
  ImeTextArea,
  RecordActions,
  Section,
  formText,
  readAtSubmit,
  useDeleteWithUndo,
} from '../../common'
import { useCommand } from '../useCommand'

const FIELDS = ['date', 'contact', 'text'] as const

export function MonitoringSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const caseId = caseFile.meta.id
  const [editing, setEditing] = useState<string | 'new' | undefined>(undefined)
  const removal = useCommand()
  const deleteWithUndo = useDeleteWithUndo(removal.run)
  const notes = [...caseFile.monitoring].sort((a, b) => b.date.localeCompare(a.date))
  return (
    <Section
      title={t('caseFile.monitoring.title')}
      actions={editing === undefined ? <Button onClick={() => setEditing('new')}>{t('caseFile.monitoring.add')}</Button> : null}
    >
      {editing === 'new' ? (
        <ContactNoteForm kind="monitoring" onDone={() => setEditing(undefined)} save={(input) => addMonitoringNote(caseId, input)} />
      ) : null}
      <FormError message={removal.formError} />
      {notes.length === 0 ? (
        <EmptyState>{t('caseFile.monitoring.empty')}</EmptyState>
      ) : (
        <ul className="ui-list">
          {notes.map((n) =>
            editing === n.id ? (
              <li key={n.id}>
                <ContactNoteForm
                  kind="monitoring"
                  initial={n}
                  onDone={() => setEditing(undefined)}
                  save={(input) => updateMonitoringNote(caseId, n.id, input)}
                />
              </li>
            ) : (
              <li key={n.id} className="ui-record">
                <div className="ui-record__body">
                  <strong>{formatDate(n.date)}</strong> <Badge tone={n.contact === 'noAnswer' ? 'warn' : 'ok'}>{label('contactOutcome', n.contact)}</Badge>
                  {n.text ? <div>{n.text}</div> : null}
                </div>
                <RecordActions
                  what={t('caseFile.monitoring.what', { date: formatDate(n.date) })}
                  disabled={editing !== undefined}
                  onEdit={() => setEditing(n.id)}
                  onDelete={() => void deleteWithUndo(() => removeMonitoringNote(caseId, n.id), undoRemove)}
                />
              </li>
            ),
          )}
        </ul>
      )}
    </Section>
  )
}

export interface ContactNoteInput {
  date: string
  contact: ContactOutcome
  text: string
}

export interface ContactNoteFormProps {
  kind: 'monitoring' | 'followUp'
  /** The note being edited; absent for a new one. */
  initial?: { date: string; contact: ContactOutcome; text: string }
  onDone: () => void
  /** Writes the note (add or update). */
  save: (input: ContactNoteInput) => Promise<unknown>
}

/** Date + contact outcome (no default: the worker picks it) + text: shared by 점검 and 사후관리. */
export function ContactNoteForm({ kind, initial, onDone, save }: ContactNoteFormProps) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand(kind === 'monitoring' ? FIELDS : ['date', 'contact', 'note'])
  const [date, setDate] = useState(initial?.date ?? todayInSeoul())
  const [contact, setContact] = useState<ContactOutcome | undefined>(initial?.contact)
  const [contactError, setContactError] = useState<string | undefined>(undefined)
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const text = formText(e.currentTarget, 'text')
    if (contact === undefined) {
      setContactError(t('caseFile.contactRequired'))
      return
    }
    setContactError(undefined)
    if (await cmd.run(() => save({ date, contact, text }))) onDone()
  }
  const what = kind === 'monitoring' ? t('caseFile.monitoring.add') : t('caseFile.followUp.add')
  return (
    <form className="cf-card" onSubmit={(e) => void submit(e)} aria-label={initial ? t('caseFile.record.editing', { what }) : what}>
      <Field label={t('caseFile.date')} error={cmd.errorFor('date')}>
        {(c) => <input className="ui-input" type="date" {...c} value={date} onChange={(e) => setDate(e.currentTarget.value)} />}
      </Field>
      <ChoiceGroup
        legend={t('caseFile.contact')}
        choices={CONTACT_OUTCOMES.map((o) => ({ value: o, label: label('contactOutcome', o) }))}
        value={contact}
        onChange={(c) => {
          setContact(c)
          setContactError(undefined)
        }}
        error={contactError ?? cmd.errorFor('contact')}
      />
      <Field label={t('caseFile.note')} error={cmd.errorFor(kind === 'monitoring' ? 'text' : 'note')}>
        {(c) => <ImeTextArea {...c} rows={3} name="text" value={initial?.text ?? ''} onCommit={readAtSubmit} />}
      </Field>
      <FormActions busy={cmd.busy} error={cmd.formError} onCancel={onDone} />
    </form>
  )
}
