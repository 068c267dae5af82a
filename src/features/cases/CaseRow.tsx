// One case in the list: head of household, short address, stage and what is due.
import { DUE_FILTERS, formatDate } from '../../domain'
import type { CaseSummary } from '../../domain'
import { useEnumLabel, useT } from '../../i18n'
import { useSession } from '../../security/session'
import { Badge } from '../common'
import { dueTone, stageTone } from './badges'
import { shortAddress } from './shortAddress'

export function CaseRow({ row }: { row: CaseSummary }) {
  const t = useT()
  const label = useEnumLabel()
  const due = DUE_FILTERS.filter((f) => row.due[f])
  const team = useSession()?.user.team
  const referredIn = team !== undefined && (row.referredTo ?? []).includes(team)
  return (
    <a className="case-row" href={`#/case/${row.id}`} data-testid="case-row">
      <span className="case-row__main">
        <span className="case-row__name">{row.headName || '—'}</span>
        <span className="case-row__sub">
          {shortAddress(row.address)}
          {row.memberNames.length > 1 ? ` · ${t('cases.members', { n: row.memberNames.length })}` : ''}
        </span>
        <span className="case-row__sub">
          {row.nextVisitDate ? t('cases.nextVisit', { date: formatDate(row.nextVisitDate) }) : null}
          {row.nextVisitDate && row.lastContactDate ? ' · ' : null}
          {row.lastContactDate ? t('cases.lastContact', { date: formatDate(row.lastContactDate) }) : null}
        </span>
      </span>
      <span className="case-row__badges">
        {referredIn ? <Badge tone="info">{t('cases.referredIn')}</Badge> : null}
        <Badge tone={stageTone(row.stage)}>{label('stage', row.stage)}</Badge>
        {row.level === 'intensive' ? <Badge tone="warn">{label('caseLevel', 'intensive')}</Badge> : null}
        {due.map((f) => (
          <Badge key={f} tone={dueTone(f)}>
            {t(`cases.due.${f}`)}
          </Badge>
        ))}
      </span>
    </a>
  )
}
