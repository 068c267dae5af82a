// 사후관리: the schedule from the domain (every 6 months; twice for 사례관리가구, once for 서비스연계가구)
// and the follow-ups recorded so far.
import { useState } from 'react'
import { formatDate, followUpSchedule, todayInSeoul } from '../../../domain'
import type { CaseFile } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { addFollowUp, useSettings } from '../../../store'
import { Badge, Button, EmptyState, Section } from '../../common'
import { ContactNoteForm } from './MonitoringSection'

export function FollowUpSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const [adding, setAdding] = useState(false)
  const { deadlines } = useSettings()
  const caseId = caseFile.meta.id
  if (!caseFile.closure) {
    return (
      <Section title={t('caseFile.followUp.title')}>
        <EmptyState>{t('caseFile.followUp.afterClosure')}</EmptyState>
      </Section>
    )
  }
  const today = todayInSeoul()
  const slots = followUpSchedule(caseFile, deadlines)
  const done = [...caseFile.followUps].sort((a, b) => b.date.localeCompare(a.date))
  return (
    <Section title={t('caseFile.followUp.title')} actions={adding ? null : <Button onClick={() => setAdding(true)}>{t('caseFile.followUp.add')}</Button>}>
      {slots.length === 0 ? (
        <EmptyState>{t('caseFile.followUp.none')}</EmptyState>
      ) : (
        <ol className="ui-list">
          {slots.map((s) => (
            <li key={s.index}>
              {t('caseFile.followUp.slot', { n: s.index })} · {formatDate(s.dueDate)}{' '}
              {s.done ? (
                <Badge tone="ok">{t('caseFile.followUp.doneOn', { date: formatDate(s.doneDate ?? s.dueDate) })}</Badge>
              ) : today >= s.dueDate ? (
                <Badge tone="danger">{t('caseFile.followUp.due')}</Badge>
              ) : (
                <Badge>{t('caseFile.followUp.scheduled')}</Badge>
              )}
            </li>
          ))}
        </ol>
      )}
      {adding ? (
        <ContactNoteForm
          caseId={caseId}
          kind="followUp"
          onDone={() => setAdding(false)}
          save={({ date, contact, text }) => addFollowUp(caseId, { date, contact, note: text })}
        />
      ) : null}
      {done.length > 0 ? (
        <ul className="ui-list">
          {done.map((f) => (
            <li key={f.id}>
              <strong>{formatDate(f.date)}</strong> <Badge tone={f.contact === 'noAnswer' ? 'warn' : 'ok'}>{label('contactOutcome', f.contact)}</Badge>
              {f.note ? <div>{f.note}</div> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  )
}
