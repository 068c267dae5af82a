// 사후관리: the schedule from the domain (every 6 months; twice for 사례관리가구, once for 서비스연계가구)
// and the follow-ups recorded so far, each of which can be edited in place and deleted (asks once, undo
// from the toast).
import { useState } from 'react'
import { formatDate, followUpSchedule, todayInSeoul } from '../../../domain'
import type { CaseFile } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { addFollowUp, removeFollowUp, undoRemove, updateFollowUp } from '../../../store'
import { Badge, Button, EmptyState, FormError, RecordActions, Section, useDeleteWithUndo } from '../../common'
import { useCommand } from '../useCommand'
import { ContactNoteForm } from './MonitoringSection'

export function FollowUpSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const [editing, setEditing] = useState<string | 'new' | undefined>(undefined)
  const removal = useCommand()
  const deleteWithUndo = useDeleteWithUndo(removal.run)
  const caseId = caseFile.meta.id
  if (!caseFile.closure) {
    return (
      <Section title={t('caseFile.followUp.title')}>
        <EmptyState>{t('caseFile.followUp.afterClosure')}</EmptyState>
      </Section>
    )
  }
  const today = todayInSeoul()
  const slots = followUpSchedule(caseFile)
  const done = [...caseFile.followUps].sort((a, b) => b.date.localeCompare(a.date))
  return (
    <Section
      title={t('caseFile.followUp.title')}
      actions={editing === undefined ? <Button onClick={() => setEditing('new')}>{t('caseFile.followUp.add')}</Button> : null}
    >
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
      {editing === 'new' ? (
        <ContactNoteForm
          kind="followUp"
          onDone={() => setEditing(undefined)}
          save={({ date, contact, text }) => addFollowUp(caseId, { date, contact, note: text })}
        />
      ) : null}
      <FormError message={removal.formError} />
      {done.length > 0 ? (
        <ul className="ui-list">
          {done.map((f) =>
            editing === f.id ? (
              <li key={f.id}>
                <ContactNoteForm
                  kind="followUp"
                  initial={{ date: f.date, contact: f.contact, text: f.note }}
                  onDone={() => setEditing(undefined)}
                  save={({ date, contact, text }) => updateFollowUp(caseId, f.id, { date, contact, note: text })}
                />
              </li>
            ) : (
              <li key={f.id} className="ui-record">
                <div className="ui-record__body">
                  <strong>{formatDate(f.date)}</strong> <Badge tone={f.contact === 'noAnswer' ? 'warn' : 'ok'}>{label('contactOutcome', f.contact)}</Badge>
                  {f.note ? <div>{f.note}</div> : null}
                </div>
                <RecordActions
                  what={t('caseFile.followUp.what', { date: formatDate(f.date) })}
                  disabled={editing !== undefined}
                  onEdit={() => setEditing(f.id)}
                  onDelete={() => void deleteWithUndo(() => removeFollowUp(caseId, f.id), undoRemove)}
                />
              </li>
            ),
          )}
        </ul>
      ) : null}
    </Section>
  )
}
