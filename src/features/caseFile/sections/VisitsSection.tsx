// 방문상담 list, newest first, with "새 방문 기록" (the visit editor is its own route; a new visit is a
// draft until saved). Each visit opens for editing and can be deleted (asks once, undo from the toast).
import { formatDateTime } from '../../../domain'
import type { CaseFile } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { removeVisit, undoRemove } from '../../../store'
import { Badge, EmptyState, FormError, RecordActions, Section, useDeleteWithUndo } from '../../common'
import { visitHref } from '../../visits/routes'
import { useCommand } from '../useCommand'

export function VisitsSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const caseId = caseFile.meta.id
  const removal = useCommand()
  const deleteWithUndo = useDeleteWithUndo(removal.run)
  const visits = [...caseFile.visits].sort((a, b) => Date.parse(b.visitedAt) - Date.parse(a.visitedAt))
  const newVisit = (
    <a className="ui-button ui-button--primary ui-link-button" href={visitHref(caseId, 'new')}>
      {t('caseFile.visits.new')}
    </a>
  )
  return (
    <Section title={t('caseFile.visits.title')} actions={newVisit}>
      <FormError message={removal.formError} />
      {visits.length === 0 ? (
        <EmptyState>{t('caseFile.visits.empty')}</EmptyState>
      ) : (
        <ul className="ui-list">
          {visits.map((v) => (
            <li key={v.id} className="ui-record">
              <a className="ui-record__body" href={visitHref(caseId, v.id)} style={{ display: 'block', minHeight: 44, color: 'inherit' }}>
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
              <RecordActions
                what={t('caseFile.visits.what', { date: formatDateTime(v.visitedAt) })}
                editHref={visitHref(caseId, v.id)}
                onDelete={() => void deleteWithUndo(() => removeVisit(caseId, v.id), undoRemove)}
              />
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}
