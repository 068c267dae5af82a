// 방문상담 list, newest first, with "새 방문 기록" (the visit editor is its own route).
import { formatDateTime } from '../../../domain'
import type { CaseFile } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { Badge, EmptyState, Section } from '../../common'
import { visitHref } from '../../visits/routes'

export function VisitsSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const caseId = caseFile.meta.id
  const visits = [...caseFile.visits].sort((a, b) => Date.parse(b.visitedAt) - Date.parse(a.visitedAt))
  const newVisit = (
    <a className="ui-button ui-button--primary" href={visitHref(caseId, 'new')} style={{ display: 'inline-flex', alignItems: 'center', textDecoration: 'none' }}>
      {t('caseFile.visits.new')}
    </a>
  )
  return (
    <Section title={t('caseFile.visits.title')} actions={newVisit}>
      {visits.length === 0 ? (
        <EmptyState>{t('caseFile.visits.empty')}</EmptyState>
      ) : (
        <ul className="ui-list">
          {visits.map((v) => (
            <li key={v.id}>
              <a href={visitHref(caseId, v.id)} style={{ display: 'block', minHeight: 44, color: 'inherit' }}>
                <strong>{formatDateTime(v.visitedAt)}</strong> · {label('visitKind', v.kind)}{' '}
                <Badge tone={v.contact === 'noAnswer' ? 'warn' : 'ok'}>{label('contactOutcome', v.contact)}</Badge>
                {v.crisisSigns.length > 0 ? (
                  <>
                    {' '}
                    <Badge tone="danger">{t('caseFile.visits.signs', { n: v.crisisSigns.length })}</Badge>
                  </>
                ) : null}
                {v.observations ? <div className="cf-meta">{v.observations.slice(0, 80)}</div> : null}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}
