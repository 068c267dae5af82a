// @vitest-environment jsdom
// Issue 9, tablet layout: the case file opens on the tab of its stage's work, the URL keeps the tab
// (taps, arrow keys, deep links, back), and sections of stages already past fold into one line.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { Stage } from '../../../src/domain'
import { CaseFileScreen } from '../../../src/features/caseFile/CaseFileScreen'
import { changeStage, closeCase, getCaseFile, setNeed, setPlanGoals, setSelection } from '../../../src/store'
import { freshStore, makeCase, openTab, renderKo } from './fixtures'

beforeEach(() => {
  freshStore()
  window.location.hash = ''
})
afterEach(cleanup)

/** A synthetic case moved through the workflow up to `stage` (서비스 제공 through a written plan). */
async function caseAt(stage: Stage): Promise<string> {
  const caseId = await makeCase('월세 3개월 체납')
  const steps: [Stage, () => Promise<void>][] = [
    ['assessment', () => changeStage(caseId, 'assessment')],
    ['selection', async () => {
      await setNeed(caseId, 'housing', { urgency: 5, importance: 4 })
      await changeStage(caseId, 'selection')
    }],
    ['planning', async () => {
      await setSelection(caseId, { kind: 'caseManagement', decidedAt: '2026-11-05' })
      await changeStage(caseId, 'planning')
    }],
    ['delivery', async () => {
      await setPlanGoals(caseId, { longTermGoals: '주거 안정' })
      await changeStage(caseId, 'delivery')
    }],
    ['closed', () => closeCase(caseId, { date: '2026-12-20', reason: 'improved' })],
    ['followUp', () => changeStage(caseId, 'followUp')],
  ]
  for (const [reached, step] of steps) {
    if ((await getCaseFile(caseId))?.meta.stage === stage) break
    await step()
    expect((await getCaseFile(caseId))?.meta.stage).toBe(reached)
  }
  return caseId
}

async function hashChange(change: () => void): Promise<void> {
  await act(async () => {
    const changed = new Promise((r) => window.addEventListener('hashchange', r, { once: true }))
    change()
    await changed
  })
}

const selectedTab = () => screen.getAllByRole('tab').find((t) => t.getAttribute('aria-selected') === 'true')
const panel = () => screen.getByRole('tabpanel') // hidden panels are not in the accessibility tree
const headings = () => within(panel()).queryAllByRole('heading', { level: 2 }).map((h) => h.textContent)

describe('the tab a case file opens on', () => {
  it('is the tab of the current stage’s work', async () => {
    const expected: Record<Stage, string> = {
      intake: '가구',
      assessment: '욕구조사',
      selection: '욕구조사',
      planning: '계획·연계',
      delivery: '방문·점검',
      closed: '방문·점검',
      followUp: '방문·점검',
    }
    for (const [stage, tab] of Object.entries(expected) as [Stage, string][]) {
      const caseId = await caseAt(stage)
      renderKo(<CaseFileScreen caseId={caseId} />)
      await screen.findByRole('tablist', { name: '사례 파일 구역' })
      expect(selectedTab(), stage).toHaveTextContent(tab)
      expect(selectedTab()).toHaveAccessibleDescription('현재 단계')
      expect(panel()).toHaveAttribute('aria-labelledby', selectedTab()?.id)
      expect(screen.getAllByRole('tab')).toHaveLength(5)
      cleanup()
    }
  })

  it('shows only that tab’s sections, the stage’s work first: 가구 at 접수', async () => {
    const caseId = await caseAt('intake')
    renderKo(<CaseFileScreen caseId={caseId} />)
    await screen.findByRole('tab', { name: '가구', selected: true })
    expect(headings()).toEqual(['접수·초기상담', '가구', '가구원 (2명)', '개인정보 제공 동의', '의뢰·공유'])
    expect(screen.queryByRole('heading', { name: '방문상담' })).toBeNull()
    expect(screen.queryByRole('link', { name: '새 방문 기록' })).toBeNull()
  })

  it('puts the visit list with 새 방문 기록 first on 방문·점검', async () => {
    const caseId = await caseAt('delivery')
    renderKo(<CaseFileScreen caseId={caseId} />)
    await screen.findByRole('tab', { name: '방문·점검', selected: true })
    expect(headings()).toEqual(['방문상담', '점검(모니터링)', '종결', '사후관리'])
    const visits = within(panel()).getAllByRole('region')[0] as HTMLElement
    expect(within(visits).getByRole('link', { name: '새 방문 기록' })).toHaveAttribute('href', `#/case/${caseId}/visit/new`)
  })

  it('stays on its tab when the stage changes', async () => {
    const caseId = await caseAt('intake')
    window.location.hash = `#/case/${caseId}`
    renderKo(<CaseFileScreen caseId={caseId} />)
    fireEvent.click(await screen.findByRole('button', { name: '다음 단계로: 욕구조사' }))
    await screen.findByRole('button', { name: '다음 단계로: 대상자 구분' })
    expect(selectedTab()).toHaveTextContent('가구')
    // The dot moves to the tab where the new stage's work is.
    expect(screen.getByRole('tab', { name: '욕구조사' })).toHaveAccessibleDescription('현재 단계')
    expect(screen.getByRole('tab', { name: '가구' })).not.toHaveAccessibleDescription('현재 단계')
  })
})

describe('the URL keeps the tab', () => {
  it('a tap shows the tab and puts it in the URL; back returns to the previous tab', async () => {
    const caseId = await caseAt('intake')
    window.location.hash = `#/case/${caseId}`
    renderKo(<CaseFileScreen caseId={caseId} />)
    await openTab('욕구조사')
    expect(window.location.hash).toBe(`#/case/${caseId}/assessment`)
    expect(headings()).toEqual(['욕구조사·위기조사', '대상자 구분', '사례회의'])
    expect(screen.getByRole('heading', { name: '가구', level: 2, hidden: true })).not.toBeVisible()

    await openTab('방문·점검')
    expect(window.location.hash).toBe(`#/case/${caseId}/visits`)
    expect(screen.getByRole('link', { name: '새 방문 기록' })).toBeVisible()

    await hashChange(() => window.history.back())
    expect(window.location.hash).toBe(`#/case/${caseId}/assessment`)
    expect(selectedTab()).toHaveTextContent('욕구조사')
    await hashChange(() => window.history.back())
    expect(window.location.hash).toBe(`#/case/${caseId}`)
    expect(selectedTab()).toHaveTextContent('가구')
  })

  it('opens the tab a deep link names, whatever the stage', async () => {
    const caseId = await caseAt('intake')
    window.location.hash = `#/case/${caseId}/plan`
    renderKo(<CaseFileScreen caseId={caseId} />)
    expect(await screen.findByRole('tab', { name: '계획·연계', selected: true })).toBeInTheDocument()
    expect(headings()).toEqual(['서비스제공계획', '서비스 연계'])

    await hashChange(() => (window.location.hash = `#/case/${caseId}/history`))
    expect(selectedTab()).toHaveTextContent('이력')
    expect(headings()).toEqual(['이력'])
  })

  it('ignores a tab in another case’s URL', async () => {
    const caseId = await caseAt('delivery')
    window.location.hash = `#/case/${crypto.randomUUID()}/history`
    renderKo(<CaseFileScreen caseId={caseId} />)
    expect(await screen.findByRole('tab', { name: '방문·점검', selected: true })).toBeInTheDocument()
  })

  it('arrow keys, Home and End move between tabs, replacing the URL rather than adding to history', async () => {
    const caseId = await caseAt('intake')
    window.location.hash = `#/case/${caseId}`
    renderKo(<CaseFileScreen caseId={caseId} />)
    const household = await screen.findByRole('tab', { name: '가구', selected: true })
    expect(household).toHaveAttribute('tabindex', '0')
    expect(screen.getByRole('tab', { name: '이력' })).toHaveAttribute('tabindex', '-1')
    household.focus()
    const entries = window.history.length

    await hashChange(() => fireEvent.keyDown(household, { key: 'ArrowRight' }))
    const assessment = screen.getByRole('tab', { name: '욕구조사' })
    expect(assessment).toHaveFocus()
    expect(assessment).toHaveAttribute('aria-selected', 'true')
    expect(window.location.hash).toBe(`#/case/${caseId}/assessment`)

    await hashChange(() => fireEvent.keyDown(assessment, { key: 'End' }))
    expect(screen.getByRole('tab', { name: '이력' })).toHaveFocus()
    expect(selectedTab()).toHaveTextContent('이력')
    await hashChange(() => fireEvent.keyDown(screen.getByRole('tab', { name: '이력' }), { key: 'ArrowRight' }))
    expect(selectedTab()).toHaveTextContent('가구') // wraps around
    await hashChange(() => fireEvent.keyDown(screen.getByRole('tab', { name: '가구' }), { key: 'ArrowLeft' }))
    expect(selectedTab()).toHaveTextContent('이력')
    await hashChange(() => fireEvent.keyDown(screen.getByRole('tab', { name: '이력' }), { key: 'Home' }))
    expect(selectedTab()).toHaveTextContent('가구')
    expect(window.history.length).toBe(entries)
  })
})

describe('completed stages fold into a summary', () => {
  it('folds 욕구조사 and 대상자 구분 once planning starts; conferences stay open and come first', async () => {
    const caseId = await caseAt('planning')
    window.location.hash = `#/case/${caseId}/assessment`
    renderKo(<CaseFileScreen caseId={caseId} />)
    await screen.findByRole('tab', { name: '욕구조사', selected: true })
    const folds = panel().querySelectorAll('details')
    expect(folds).toHaveLength(2)
    const [assessment, selection] = [...folds] as HTMLDetailsElement[]
    expect(assessment?.open).toBe(false)
    expect(assessment?.querySelector('summary')).toHaveTextContent('욕구조사·위기조사영역 1개 · 위기 징후 0개지난 단계')
    expect(selection?.querySelector('summary')).toHaveTextContent('대상자 구분사례관리가구 · 2026.11.05지난 단계')
    // Only the open section's heading is visible; the folded ones show their one line.
    expect(within(panel()).getByRole('heading', { name: '사례회의', level: 2 })).toBeVisible()
    expect(within(panel()).getByRole('heading', { name: '대상자 구분', level: 2, hidden: true })).not.toBeVisible()
    const order = [...panel().querySelectorAll('h2, summary')].map((e) => e.textContent)
    expect(order[0]).toBe('사례회의')

    // A folded section opens in place and works as before.
    fireEvent.click(selection?.querySelector('summary') as HTMLElement)
    await waitFor(() => expect(within(panel()).getByRole('heading', { name: '대상자 구분', level: 2 })).toBeVisible())
  })

  it('folds the plan during delivery under the linkages, and the intake after 접수', async () => {
    const caseId = await caseAt('delivery')
    window.location.hash = `#/case/${caseId}/plan`
    renderKo(<CaseFileScreen caseId={caseId} />)
    await screen.findByRole('tab', { name: '계획·연계', selected: true })
    expect(headings()).toEqual(['서비스 연계', '서비스제공계획'])
    expect(panel().querySelector('summary')).toHaveTextContent('서비스제공계획계획된 서비스 0개지난 단계')

    await hashChange(() => (window.location.hash = `#/case/${caseId}/household`))
    expect(panel().querySelector('summary')).toHaveTextContent('접수·초기상담2026.11.01 접수 · 동 주민센터지난 단계')
    expect(within(panel()).getByRole('heading', { name: '가구', level: 2 })).toBeVisible()
  })

  it('folds monitoring and the closure in 사후관리, below the visits and follow-ups', async () => {
    const caseId = await caseAt('followUp')
    renderKo(<CaseFileScreen caseId={caseId} />)
    await screen.findByRole('tab', { name: '방문·점검', selected: true })
    const order = [...panel().querySelectorAll('h2, summary')].map((e) => e.textContent)
    expect(order.slice(0, 2)).toEqual(['방문상담', '사후관리'])
    const summaries = [...panel().querySelectorAll('summary')].map((e) => e.textContent)
    expect(summaries).toEqual(['점검(모니터링)기록 없음지난 단계', '종결2026.12.20 · 상황호전지난 단계'])
  })
})
