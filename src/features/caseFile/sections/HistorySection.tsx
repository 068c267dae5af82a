// The case history, newest first: stage changes, selection, conferences, closure, referral, transfer.
import { CASE_LEVELS, formatDate, formatDateTime, STAGES } from '../../../domain'
import type { CaseFile, CaseLevel, Stage } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { EmptyState, Section } from '../../common'

const isStage = (v: string | undefined): v is Stage => v !== undefined && (STAGES as readonly string[]).includes(v)
const isLevel = (v: string | undefined): v is CaseLevel => v !== undefined && (CASE_LEVELS as readonly string[]).includes(v)

export function HistorySection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const events = [...caseFile.history].sort((a, b) => b.at.localeCompare(a.at))
  const show = (v: string | undefined) => (isStage(v) ? label('stage', v) : isLevel(v) ? label('caseLevel', v) : v)
  return (
    <Section title={t('caseFile.history.title')}>
      {events.length === 0 ? (
        <EmptyState>{t('caseFile.history.empty')}</EmptyState>
      ) : (
        <ul className="ui-list">
          {events.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <span className="cf-meta">{formatDateTime(e.at)}</span> <strong>{label('historyKind', e.kind)}</strong>
              {e.from || e.to ? ` ${show(e.from) ?? ''} → ${show(e.to) ?? ''}` : ''}
              {e.note ? ` · ${e.note}` : ''}
              {e.closure
                ? ` · ${t('caseFile.history.previousClosure', { date: formatDate(e.closure.date), reason: label('closureReason', e.closure.reason) })}`
                : ''}
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}
