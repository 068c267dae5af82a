// 점검(모니터링): dated notes with the contact outcome (only 만남/연락됨 count as contact).
import { useState } from 'react'
import { CONTACT_OUTCOMES, formatDate, todayInSeoul } from '../../../domain'
import type { CaseFile, ContactOutcome } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { addMonitoringNote } from '../../../store'
import { Badge, Button, ChoiceGroup, EmptyState, Field, Section, FormActions } from '../../common'
import { useCommand } from '../useCommand'

const FIELDS = ['date', 'contact', 'text'] as const

export function MonitoringSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const [adding, setAdding] = useState(false)
  const notes = [...caseFile.monitoring].sort((a, b) => b.date.localeCompare(a.date))
  return (
    <Section title={t('caseFile.monitoring.title')} actions={adding ? null : <Button onClick={() => setAdding(true)}>{t('caseFile.monitoring.add')}</Button>}>
      {adding ? <ContactNoteForm caseId={caseFile.meta.id} kind="monitoring" onDone={() => setAdding(false)} /> : null}
      {notes.length === 0 ? (
        <EmptyState>{t('caseFile.monitoring.empty')}</EmptyState>
      ) : (
        <ul className="ui-list">
          {notes.map((n) => (
            <li key={n.id}>
              <strong>{formatDate(n.date)}</strong> <Badge tone={n.contact === 'noAnswer' ? 'warn' : 'ok'}>{label('contactOutcome', n.contact)}</Badge>
              {n.text ? <div>{n.text}</div> : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}

export interface ContactNoteFormProps {
  caseId: string
  kind: 'monitoring' | 'followUp'
  onDone: () => void
  /** Writes the note; defaults to the monitoring command. */
  save?: (input: { date: string; contact: ContactOutcome; text: string }) => Promise<unknown>
}

/** Date + contact outcome + text: shared by 점검 and 사후관리. */
export function ContactNoteForm({ caseId, kind, onDone, save }: ContactNoteFormProps) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand(kind === 'monitoring' ? FIELDS : ['date', 'contact', 'note'])
  const [date, setDate] = useState(todayInSeoul())
  const [contact, setContact] = useState<ContactOutcome>('met')
  const [text, setTextValue] = useState('')
  const submit = async () => {
    const write = save ?? ((input: { date: string; contact: ContactOutcome; text: string }) => addMonitoringNote(caseId, input))
    if (await cmd.run(() => write({ date, contact, text }))) onDone()
  }
  return (
    <form
      className="cf-card"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <Field label={t('caseFile.date')} error={cmd.errorFor('date')}>
        {(c) => <input className="ui-input" type="date" {...c} value={date} onChange={(e) => setDate(e.currentTarget.value)} />}
      </Field>
      <ChoiceGroup
        legend={t('caseFile.contact')}
        choices={CONTACT_OUTCOMES.map((o) => ({ value: o, label: label('contactOutcome', o) }))}
        value={contact}
        onChange={setContact}
        error={cmd.errorFor('contact')}
      />
      <Field label={t('caseFile.note')} error={cmd.errorFor(kind === 'monitoring' ? 'text' : 'note')}>
        {(c) => <textarea className="ui-input" rows={3} {...c} value={text} onChange={(e) => setTextValue(e.currentTarget.value)} />}
      </Field>
      <FormActions busy={cmd.busy} error={cmd.formError} onCancel={onDone} />
    </form>
  )
}
