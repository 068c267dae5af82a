// 사례회의: recordable at any stage (수시). Kind, date, attendees, decision, notes; list newest first.
import { useState } from 'react'
import { CONFERENCE_DECISIONS, CONFERENCE_KINDS, formatDate, todayInSeoul } from '../../../domain'
import type { CaseFile, ConferenceDecision, ConferenceKind } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { addConference } from '../../../store'
import { Button, ChoiceGroup, EmptyState, Field, Section, splitNames, FormActions } from '../../common'
import { useCommand } from '../useCommand'

const FIELDS = ['kind', 'date', 'attendees', 'decision', 'notes'] as const

export function ConferenceSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const [adding, setAdding] = useState(false)
  const list = [...caseFile.conferences].sort((a, b) => b.date.localeCompare(a.date))
  return (
    <Section title={t('caseFile.conference.title')} actions={adding ? null : <Button onClick={() => setAdding(true)}>{t('caseFile.conference.add')}</Button>}>
      {adding ? <ConferenceForm caseId={caseFile.meta.id} onDone={() => setAdding(false)} /> : null}
      {list.length === 0 ? (
        <EmptyState>{t('caseFile.conference.empty')}</EmptyState>
      ) : (
        <ul className="ui-list">
          {list.map((c) => (
            <li key={c.id}>
              <strong>{formatDate(c.date)}</strong> · {label('conferenceKind', c.kind)} · {label('conferenceDecision', c.decision)}
              {c.attendees.length ? <div className="cf-meta">{t('caseFile.conference.attendees')}: {c.attendees.join(', ')}</div> : null}
              {c.notes ? <div>{c.notes}</div> : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}

function ConferenceForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand(FIELDS)
  const [kind, setKind] = useState<ConferenceKind>('internal')
  const [date, setDate] = useState(todayInSeoul())
  const [attendees, setAttendees] = useState('')
  const [decision, setDecision] = useState<ConferenceDecision>('continue')
  const [notes, setNotes] = useState('')
  const save = async () => {
    const ok = await cmd.run(() => addConference(caseId, { kind, date, attendees: splitNames(attendees), decision, notes }))
    if (ok) onDone()
  }
  return (
    <form
      className="cf-card"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
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
        {(c) => <input className="ui-input" {...c} value={attendees} onChange={(e) => setAttendees(e.currentTarget.value)} />}
      </Field>
      <ChoiceGroup
        legend={t('caseFile.conference.decision')}
        choices={CONFERENCE_DECISIONS.map((d) => ({ value: d, label: label('conferenceDecision', d) }))}
        value={decision}
        onChange={setDecision}
        error={cmd.errorFor('decision')}
      />
      <Field label={t('caseFile.conference.notes')} error={cmd.errorFor('notes')}>
        {(c) => <textarea className="ui-input" {...c} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />}
      </Field>
      <FormActions busy={cmd.busy} error={cmd.formError} onCancel={onDone} />
    </form>
  )
}
