// Issue 9, tablet layout: the case file's tabs in the URL, the tab each stage opens on, and the order and
// folding of sections inside a tab.
import { describe, expect, it } from 'vitest'
import { STAGES } from '../../src/domain'
import type { Stage } from '../../src/domain'
import { defaultTab, sectionsOf, TAB_SECTIONS } from '../../src/features/caseFile/caseLayout'
import { CASE_TABS, hrefOf, parseRoute } from '../../src/features/shell/router'
import type { CaseTab } from '../../src/features/shell/router'

const ID = '0b8f2d4e-3c1a-4f5e-9d7b-6a2c1e0f9b8d'
const VISIT = '1c9e3f5a-4d2b-4a6f-8e8c-7b3d2f1a0c9e'

describe('case file routes with a tab', () => {
  it('parses #/case/<id>/<tab> for every tab and round-trips through hrefOf', () => {
    for (const tab of CASE_TABS) {
      const hash = `#/case/${ID}/${tab}`
      expect(parseRoute(hash)).toEqual({ name: 'caseFile', caseId: ID, tab })
      expect(hrefOf(parseRoute(hash))).toBe(hash)
      expect(parseRoute(`${hash}/`)).toEqual({ name: 'caseFile', caseId: ID, tab })
    }
  })

  it('keeps #/case/<id> without a tab, and the visit editor routes as they were', () => {
    expect(parseRoute(`#/case/${ID}`)).toEqual({ name: 'caseFile', caseId: ID })
    expect(hrefOf({ name: 'caseFile', caseId: ID })).toBe(`#/case/${ID}`)
    expect(parseRoute(`#/case/${ID}/visit/new`)).toEqual({ name: 'visit', caseId: ID, visitId: 'new' })
    expect(parseRoute(`#/case/${ID}/visit/${VISIT}`)).toEqual({ name: 'visit', caseId: ID, visitId: VISIT })
    expect(hrefOf({ name: 'visit', caseId: ID, visitId: VISIT })).toBe(`#/case/${ID}/visit/${VISIT}`)
  })

  it('sends unknown tabs and malformed case paths to notFound', () => {
    expect(parseRoute(`#/case/${ID}/visit`)).toEqual({ name: 'notFound' })
    expect(parseRoute(`#/case/${ID}/Visits`)).toEqual({ name: 'notFound' })
    expect(parseRoute(`#/case/${ID}/members`)).toEqual({ name: 'notFound' })
    expect(parseRoute(`#/case/${ID}/visits/extra`)).toEqual({ name: 'notFound' })
    expect(parseRoute('#/case/not-an-id/visits')).toEqual({ name: 'notFound' })
  })
})

describe('the tab a case file opens on', () => {
  it('is the tab of the current stage’s work', () => {
    const expected: Record<Stage, CaseTab> = {
      intake: 'household',
      assessment: 'assessment',
      selection: 'assessment',
      planning: 'plan',
      delivery: 'visits',
      closed: 'visits',
      followUp: 'visits',
    }
    for (const stage of STAGES) expect(defaultTab(stage), stage).toBe(expected[stage])
  })
})

describe('sections inside a tab', () => {
  const keys = (tab: CaseTab, stage: Stage) => sectionsOf(tab, stage).map((s) => s.key)
  const folded = (tab: CaseTab, stage: Stage) => sectionsOf(tab, stage).filter((s) => s.folded).map((s) => s.key)

  it('holds every section exactly once across the five tabs', () => {
    const all = CASE_TABS.flatMap((tab) => TAB_SECTIONS[tab])
    expect(new Set(all).size).toBe(all.length)
    expect(all).toHaveLength(13)
    for (const stage of STAGES) {
      for (const tab of CASE_TABS) expect([...keys(tab, stage)].sort()).toEqual([...TAB_SECTIONS[tab]].sort())
    }
  })

  it('puts the current stage’s section first', () => {
    expect(keys('household', 'intake')).toEqual(['intake', 'household', 'members'])
    expect(keys('assessment', 'assessment')).toEqual(['assessment', 'selection', 'conferences'])
    expect(keys('assessment', 'selection')).toEqual(['selection', 'conferences', 'assessment'])
    expect(keys('plan', 'planning')).toEqual(['plan', 'linkages'])
    expect(keys('plan', 'delivery')).toEqual(['linkages', 'plan'])
    expect(sectionsOf('plan', 'planning').map((s) => s.current)).toEqual([true, true])
  })

  it('keeps the visit list first on 방문·점검 at every stage', () => {
    for (const stage of STAGES) expect(keys('visits', stage)[0], stage).toBe('visits')
    expect(keys('visits', 'delivery')).toEqual(['visits', 'monitoring', 'closure', 'followUps'])
    expect(keys('visits', 'closed')).toEqual(['visits', 'closure', 'followUps', 'monitoring'])
    expect(keys('visits', 'followUp')).toEqual(['visits', 'followUps', 'monitoring', 'closure'])
  })

  it('folds the sections of stages already past, and only those', () => {
    expect(CASE_TABS.flatMap((tab) => folded(tab, 'intake'))).toEqual([])
    expect(folded('household', 'assessment')).toEqual(['intake'])
    expect(folded('assessment', 'assessment')).toEqual([])
    expect(folded('assessment', 'selection')).toEqual(['assessment'])
    expect(folded('assessment', 'planning')).toEqual(['assessment', 'selection'])
    expect(folded('plan', 'delivery')).toEqual(['plan'])
    expect(folded('visits', 'delivery')).toEqual([])
    expect(folded('plan', 'closed')).toEqual(['plan', 'linkages'])
    expect(folded('visits', 'followUp')).toEqual(['monitoring', 'closure'])
  })

  it('never folds household, members, conferences, visits or history', () => {
    for (const stage of STAGES) {
      const open = CASE_TABS.flatMap((tab) => sectionsOf(tab, stage)).filter((s) => !s.folded).map((s) => s.key)
      expect(open, stage).toEqual(expect.arrayContaining(['household', 'members', 'conferences', 'visits', 'history']))
    }
  })
})
