// Which tab of the case file holds which section, which tab a stage's work is on, and the order and
// folding of sections inside a tab (issue 9: the current stage's work on top, completed stages folded).
import { STAGES } from '../../domain'
import type { Stage } from '../../domain'
import type { CaseTab } from '../shell/router'

export type SectionKey =
  | 'household'
  | 'members'
  | 'intake'
  | 'assessment'
  | 'selection'
  | 'conferences'
  | 'plan'
  | 'linkages'
  | 'monitoring'
  | 'visits'
  | 'closure'
  | 'followUps'
  | 'history'

/** The sections of each tab, in the case file's natural order. */
export const TAB_SECTIONS: Record<CaseTab, readonly SectionKey[]> = {
  household: ['household', 'members', 'intake'],
  assessment: ['assessment', 'selection', 'conferences'],
  plan: ['plan', 'linkages'],
  visits: ['visits', 'monitoring', 'closure', 'followUps'],
  history: ['history'],
}

/** The stages whose work a section is. Sections not listed (household, members, conferences, visits,
 * history) belong to every stage: they are never folded. */
const SECTION_STAGES: Partial<Record<SectionKey, readonly Stage[]>> = {
  intake: ['intake'],
  assessment: ['assessment'],
  selection: ['selection'],
  plan: ['planning'],
  linkages: ['planning', 'delivery'], // statuses change while services are delivered
  monitoring: ['delivery'],
  closure: ['closed'],
  followUps: ['followUp'],
}

/** Sections that stay first in their tab whatever the stage: the visit list with "새 방문 기록". */
const PINNED: readonly SectionKey[] = ['visits']

const STAGE_TAB: Record<Stage, CaseTab> = {
  intake: 'household',
  assessment: 'assessment',
  selection: 'assessment',
  planning: 'plan',
  delivery: 'visits',
  closed: 'visits',
  followUp: 'visits',
}

/** The tab a case file opens on without a tab in the URL: where the current stage's work is. */
export function defaultTab(stage: Stage): CaseTab {
  return STAGE_TAB[stage]
}

export interface PlacedSection {
  key: SectionKey
  /** The current stage's work. */
  current: boolean
  /** Work of stages already past: shown as a one-line summary that opens. */
  folded: boolean
}

/** The sections of `tab` for a case at `stage`: pinned first, then the current stage's work, then the
 * other open sections, then the folded ones (each group in the natural order). */
export function sectionsOf(tab: CaseTab, stage: Stage): PlacedSection[] {
  const at = STAGES.indexOf(stage)
  const placed = TAB_SECTIONS[tab].map((key): PlacedSection => {
    const stages = SECTION_STAGES[key] ?? []
    const last = Math.max(-1, ...stages.map((s) => STAGES.indexOf(s)))
    return { key, current: stages.includes(stage), folded: stages.length > 0 && last < at }
  })
  const rank = (s: PlacedSection) => (PINNED.includes(s.key) ? 0 : s.current ? 1 : s.folded ? 3 : 2)
  return placed.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map(({ s }) => s)
}
