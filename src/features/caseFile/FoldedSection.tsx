// A section of a stage already past, folded into one line (title · what it holds) that opens in place.
import type { ReactNode } from 'react'
import { formatDate } from '../../domain'
import type { CaseFile } from '../../domain'
import { useEnumLabel, useT } from '../../i18n'
import { Badge } from '../common'
import type { SectionKey } from './caseLayout'

export function FoldedSection({ title, summary, children }: { title: string; summary: string; children: ReactNode }) {
  const t = useT()
  return (
    <details className="cf-fold">
      <summary className="cf-fold__summary">
        <span className="cf-fold__title">{title}</span>
        <span className="cf-fold__line">{summary}</span>
        <Badge>{t('caseFile.fold.earlier')}</Badge>
      </summary>
      <div className="cf-fold__body">{children}</div>
    </details>
  )
}

const latest = (dates: readonly string[]) => dates.reduce((a, b) => (b > a ? b : a), '')

/** The title and one-line summary of a folded section. */
export function useFoldText(): (key: SectionKey, caseFile: CaseFile) => { title: string; summary: string } {
  const t = useT()
  const label = useEnumLabel()
  return (key, cf) => {
    const counted = (dates: readonly string[]) =>
      dates.length === 0 ? t('caseFile.fold.none') : t('caseFile.fold.countLatest', { n: dates.length, date: formatDate(latest(dates)) })
    switch (key) {
      case 'intake':
        return {
          title: t('caseFile.intake.title'),
          summary: t('caseFile.fold.intake', { date: formatDate(cf.intake.date), source: label('referralSource', cf.intake.source) }),
        }
      case 'assessment':
        return {
          title: t('caseFile.assessment.title'),
          summary: t('caseFile.fold.assessment', { needs: Object.keys(cf.assessment.needs).length, signs: cf.assessment.crisisSigns.length }),
        }
      case 'selection':
        return {
          title: t('caseFile.selection.title'),
          summary: cf.selection
            ? t('caseFile.fold.selection', { kind: label('selectionKind', cf.selection.kind), date: formatDate(cf.selection.decidedAt) })
            : t('caseFile.fold.none'),
        }
      case 'plan':
        return {
          title: t('caseFile.plan.title'),
          summary: cf.plan ? t('caseFile.fold.plan', { n: cf.plan.services.length }) : t('caseFile.fold.none'),
        }
      case 'linkages':
        return {
          title: t('caseFile.linkage.title'),
          summary: cf.linkages.length === 0 ? t('caseFile.fold.none') : t('caseFile.fold.count', { n: cf.linkages.length }),
        }
      case 'monitoring':
        return { title: t('caseFile.monitoring.title'), summary: counted(cf.monitoring.map((m) => m.date)) }
      case 'closure':
        return {
          title: t('caseFile.closure.title'),
          summary: cf.closure
            ? t('caseFile.fold.closure', { date: formatDate(cf.closure.date), reason: label('closureReason', cf.closure.reason) })
            : t('caseFile.fold.none'),
        }
      case 'followUps':
        return { title: t('caseFile.followUp.title'), summary: counted(cf.followUps.map((f) => f.date)) }
      default:
        // Household, members, conferences, visits and history belong to every stage and never fold.
        return { title: '', summary: '' }
    }
  }
}
