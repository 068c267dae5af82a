// 통계: the seed 003 tables computed from the case files on this device, optionally for a period.
import { useMemo, useState } from 'react'
import { CASE_STATUS_COLUMNS, SERVICE_DOMAINS, TARGET_TYPES, VISIT_KINDS, computeStatistics } from '../../domain'
import { useEnumLabel, useT } from '../../i18n'
import { Field } from '../common'
import { StatTable } from './StatTable'
import { useAllCaseFiles } from './useAllCaseFiles'
import '../../i18n/screenMessages'

export function StatisticsScreen() {
  const t = useT()
  const label = useEnumLabel()
  const { cases, total } = useAllCaseFiles()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const stats = useMemo(
    () => (cases ? computeStatistics(cases, { from: from || undefined, to: to || undefined }) : undefined),
    [cases, from, to],
  )

  return (
    <div className="screen statistics">
      <h1 className="screen__title">{t('stats.title')}</h1>
      <p className="muted">{t('stats.intro')}</p>
      <div className="form-grid">
        <Field label={t('stats.from')}>{(c) => <input {...c} className="ui-input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}</Field>
        <Field label={t('stats.to')}>{(c) => <input {...c} className="ui-input" type="date" value={to} onChange={(e) => setTo(e.target.value)} />}</Field>
      </div>
      {!stats ? (
        <p className="muted" role="status">
          {t('stats.computing', { n: total })}
        </p>
      ) : (
        <>
          <p className="muted">{t('stats.basis', { n: cases?.length ?? 0 })}</p>
          <StatTable
            caption={t('stats.byTarget')}
            columns={[t('stats.households'), t('stats.persons')]}
            rows={[
              ...TARGET_TYPES.map((tt) => ({
                label: label('targetType', tt),
                values: [stats.byTargetType[tt].households, stats.byTargetType[tt].persons],
              })),
              { label: t('stats.total'), values: [stats.total.households, stats.total.persons] },
            ]}
          />
          <StatTable
            caption={t('stats.bySelection')}
            columns={[...CASE_STATUS_COLUMNS.map((c) => t(`stats.${c}`)), t('stats.total')]}
            rows={[
              {
                label: t('stats.households'),
                values: [
                  ...CASE_STATUS_COLUMNS.map((c) => stats.byCaseStatus[c]),
                  CASE_STATUS_COLUMNS.reduce((sum, c) => sum + stats.byCaseStatus[c], 0),
                ],
              },
            ]}
          />
          <StatTable
            caption={t('stats.byDomain')}
            columns={[...SERVICE_DOMAINS.map((d) => label('serviceDomain', d)), t('stats.total')]}
            rows={[
              {
                label: t('stats.persons'),
                values: [...SERVICE_DOMAINS.map((d) => stats.linkedPersonsByDomain[d]), stats.linkedPersonsTotal],
              },
            ]}
          />
          <StatTable
            caption={t('stats.byVisit')}
            columns={[...VISIT_KINDS.map((k) => label('visitKind', k)), t('stats.total')]}
            rows={[
              {
                label: t('stats.households'),
                values: [...VISIT_KINDS.map((k) => stats.visitedHouseholdsByKind[k]), stats.visitedHouseholdsTotal],
              },
            ]}
          />
        </>
      )}
    </div>
  )
}
