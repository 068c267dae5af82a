// One case file: header, stage stepper and every section of the workflow (DESIGN.md §2).
import { useEffect, useState } from 'react'
import { useT } from '../../i18n'
import { queueView, useCaseFile } from '../../store'
import { EmptyState } from '../common'
import { CaseHeader } from './CaseHeader'
import { StageControl } from './StageControl'
import { AssessmentSection } from './sections/AssessmentSection'
import { ClosureSection } from './sections/ClosureSection'
import { ConferenceSection } from './sections/ConferenceSection'
import { FollowUpSection } from './sections/FollowUpSection'
import { HistorySection } from './sections/HistorySection'
import { HouseholdSection } from './sections/HouseholdSection'
import { IntakeSection } from './sections/IntakeSection'
import { LinkageSection } from './sections/LinkageSection'
import { MembersSection } from './sections/MembersSection'
import { MonitoringSection } from './sections/MonitoringSection'
import { PlanSection } from './sections/PlanSection'
import { SelectionSection } from './sections/SelectionSection'
import { VisitsSection } from './sections/VisitsSection'
import './caseFile.css'
import '../../i18n/screenMessages'

export function CaseFileScreen({ caseId }: { caseId: string }) {
  const t = useT()
  const caseFile = useCaseFile(caseId)
  useEffect(() => void queueView(caseId), [caseId]) // 접속기록: this view is reported at the next sync
  // The hook gives undefined both while loading and for an unknown id; say "not found" only after a moment.
  const [waited, setWaited] = useState(false)
  useEffect(() => {
    setWaited(false)
    const timer = setTimeout(() => setWaited(true), 1500)
    return () => clearTimeout(timer)
  }, [caseId])
  if (!caseFile) {
    return (
      <div className="cf">
        {waited ? (
          <EmptyState action={<a href="#/">{t('common.goHome')}</a>}>{t('caseFile.notFound')}</EmptyState>
        ) : (
          <EmptyState>{t('common.loading')}</EmptyState>
        )}
      </div>
    )
  }
  return (
    <article className="cf">
      <CaseHeader caseFile={caseFile} />
      <StageControl caseFile={caseFile} />
      <HouseholdSection caseFile={caseFile} />
      <MembersSection caseFile={caseFile} />
      <IntakeSection caseFile={caseFile} />
      <AssessmentSection caseFile={caseFile} />
      <SelectionSection caseFile={caseFile} />
      <ConferenceSection caseFile={caseFile} />
      <PlanSection caseFile={caseFile} />
      <LinkageSection caseFile={caseFile} />
      <MonitoringSection caseFile={caseFile} />
      <VisitsSection caseFile={caseFile} />
      <ClosureSection caseFile={caseFile} />
      <FollowUpSection caseFile={caseFile} />
      <HistorySection caseFile={caseFile} />
    </article>
  )
}
