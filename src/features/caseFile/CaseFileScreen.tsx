// One case file: header and stage control on top, then the sections of the workflow (DESIGN.md §2) in
// five tabs (issue 9): 가구 / 욕구조사 / 계획·연계 / 방문·점검 / 이력. The URL keeps the tab
// (#/case/<id>/<tab>); without one the case opens on the tab of its stage's work. Inside a tab the
// current stage's section comes first and sections of stages already past fold into one line.
import { Fragment, useEffect, useId, useState } from 'react'
import type { ReactNode } from 'react'
import type { CaseFile } from '../../domain'
import { useT } from '../../i18n'
import { queueView, useCaseFile } from '../../store'
import { EmptyState } from '../common'
import { useRoute, CASE_TABS } from '../shell/router'
import type { CaseTab } from '../shell/router'
import { defaultTab, sectionsOf } from './caseLayout'
import type { SectionKey } from './caseLayout'
import { CaseTabPanel, CaseTabs } from './CaseTabs'
import { CaseHeader } from './CaseHeader'
import { FoldedSection, useFoldText } from './FoldedSection'
import { StageControl } from './StageControl'
import { AssessmentSection } from './sections/AssessmentSection'
import { ClosureSection } from './sections/ClosureSection'
import { ConferenceSection } from './sections/ConferenceSection'
import { ConsentSection } from './sections/ConsentSection'
import { FollowUpSection } from './sections/FollowUpSection'
import { HistorySection } from './sections/HistorySection'
import { HouseholdSection } from './sections/HouseholdSection'
import { IntakeSection } from './sections/IntakeSection'
import { LinkageSection } from './sections/LinkageSection'
import { MembersSection } from './sections/MembersSection'
import { VolunteerSection } from './sections/VolunteerSection'
import { MonitoringSection } from './sections/MonitoringSection'
import { PlanSection } from './sections/PlanSection'
import { ReceivedReferralNotice, ReferralSection } from './sections/ReferralSection'
import { SelectionSection } from './sections/SelectionSection'
import { VisitsSection } from './sections/VisitsSection'
import './caseFile.css'
import '../../i18n/screenMessages'

const SECTIONS: Record<SectionKey, (caseFile: CaseFile) => ReactNode> = {
  household: (cf) => <HouseholdSection caseFile={cf} />,
  members: (cf) => <MembersSection caseFile={cf} />,
  intake: (cf) => <IntakeSection caseFile={cf} />,
  assessment: (cf) => <AssessmentSection caseFile={cf} />,
  selection: (cf) => <SelectionSection caseFile={cf} />,
  conferences: (cf) => <ConferenceSection caseFile={cf} />,
  plan: (cf) => <PlanSection caseFile={cf} />,
  linkages: (cf) => <LinkageSection caseFile={cf} />,
  monitoring: (cf) => <MonitoringSection caseFile={cf} />,
  visits: (cf) => <VisitsSection caseFile={cf} />,
  closure: (cf) => <ClosureSection caseFile={cf} />,
  followUps: (cf) => <FollowUpSection caseFile={cf} />,
  history: (cf) => <HistorySection caseFile={cf} />,
}

/** The tab in the URL when the URL is this case file's (tests render the screen on any URL). */
function useUrlTab(caseId: string): CaseTab | undefined {
  const route = useRoute()
  return route.name === 'caseFile' && route.caseId === caseId ? route.tab : undefined
}

export function CaseFileScreen({ caseId }: { caseId: string }) {
  const t = useT()
  const caseFile = useCaseFile(caseId)
  const urlTab = useUrlTab(caseId)
  const idPrefix = useId()
  const foldText = useFoldText()
  // Without a tab in the URL: the tab of the stage the case was at when it opened. It stays put when the
  // stage changes (here or on another device) so the tab never switches under the worker's hands.
  const [landing, setLanding] = useState<CaseTab | undefined>(undefined)
  if (caseFile && landing === undefined) setLanding(defaultTab(caseFile.meta.stage))
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
  const stage = caseFile.meta.stage
  const active = urlTab ?? landing ?? defaultTab(stage)
  return (
    <article className="cf">
      <div className="cf-top">
        <CaseHeader caseFile={caseFile} />
        <StageControl caseFile={caseFile} />
      </div>
      <ReceivedReferralNotice caseFile={caseFile} />
      <CaseTabs caseId={caseId} active={active} stageTab={defaultTab(stage)} idPrefix={idPrefix} />
      {CASE_TABS.map((tab) => (
        <CaseTabPanel key={tab} tab={tab} active={tab === active} idPrefix={idPrefix}>
          {sectionsOf(tab, stage).map(({ key, folded }) => {
            if (!folded) return <Fragment key={key}>{SECTIONS[key](caseFile)}</Fragment>
            const { title, summary } = foldText(key, caseFile)
            return (
              <FoldedSection key={key} title={title} summary={summary}>
                {SECTIONS[key](caseFile)}
              </FoldedSection>
            )
          })}
          {tab === 'household' ? (
            <>
              <ConsentSection caseFile={caseFile} />
              <ReferralSection caseFile={caseFile} />
              <VolunteerSection caseFile={caseFile} />
            </>
          ) : null}
        </CaseTabPanel>
      ))}
    </article>
  )
}
