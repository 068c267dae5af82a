// Issue 3: a worker's tablet records a visit offline; when it comes back online the supervisor of
// the same team, watching the case file, sees the note appear without reloading.
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { openProfile } from './support/browser'
import { expectSyncState, expectVisitSaved, observations, openApp, registerHousehold, startVisit } from './support/app'

const PASSWORD = 'demo2026!'

/** Resolves (in the page) with the wall-clock ms at which `text` first appears in <main>. */
function watchFor(page: Page, text: string): Promise<number> {
  return page.evaluate(
    (needle) =>
      new Promise<number>((resolve) => {
        const main = document.querySelector('main') ?? document.body
        const check = () => {
          if (main.textContent?.includes(needle)) {
            observer.disconnect()
            resolve(Date.now())
          }
        }
        const observer = new MutationObserver(check)
        observer.observe(main, { childList: true, subtree: true, characterData: true })
        check()
      }),
    text,
  )
}

/** Resolves with the wall-clock ms at which the unsynced counter shows 0 (the relay acknowledged). */
function watchUnsyncedZero(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const check = () => {
          if (document.querySelector('[data-testid="unsynced-count"]')?.textContent === '0') {
            observer.disconnect()
            resolve(Date.now())
          }
        }
        const observer = new MutationObserver(check)
        observer.observe(document.body, { childList: true, subtree: true, characterData: true })
        check()
      }),
  )
}

test('a visit recorded offline reaches the supervisor live when the tablet is back online', async ({ relay, profile, secondProfile }) => {
  const [workerDir, supervisorDir] = [profile, secondProfile]
  const worker = await openProfile(workerDir)
  const supervisor = await openProfile(supervisorDir)
  try {
    await openApp(worker.page, relay.url, '#/', 'dong.worker', PASSWORD)
    await expectSyncState(worker.page, 'upToDate')
    const caseId = await registerHousehold(worker.page, {
      headName: '오누리',
      address: '서울특별시 서대문구 명물길 9',
      presentingProblem: '혼자 사시는 어르신, 최근 거동이 불편해짐.',
    })
    await expect(worker.page.getByTestId('unsynced-count')).toHaveText('0', { timeout: 15_000 })

    await openApp(supervisor.page, relay.url, '#/', 'dong.supervisor', PASSWORD)
    await expectSyncState(supervisor.page, 'upToDate')
    await supervisor.page.evaluate((id) => (window.location.hash = `#/case/${id}/visits`), caseId)
    await expect(supervisor.page.getByRole('heading', { level: 1 })).toContainText('오누리', { timeout: 15_000 })

    await supervisor.page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true))

    // The tablet loses its network and records the visit.
    await worker.context.setOffline(true)
    await expect(worker.page.getByTestId('network-state')).toContainText('오프라인 · 이 기기에 저장됨')
    await startVisit(worker.page, caseId)
    const note = '지하 단칸방, 곰팡이 심함. 주거 환경 개선 사업 연계 필요.'
    await observations(worker.page).fill(note)
    await observations(worker.page).blur()
    await expectVisitSaved(worker.page)
    await expect(worker.page.getByTestId('unsynced-count')).toHaveText('1')

    // While the tablet is offline, nothing reaches the supervisor.
    const seen = watchFor(supervisor.page, note)
    await supervisor.page.waitForTimeout(1_500)
    await expect(supervisor.page.locator('main')).not.toContainText(note)

    const acked = watchUnsyncedZero(worker.page)
    await worker.context.setOffline(false)
    await expect(worker.page.getByTestId('unsynced-count')).toHaveText('0', { timeout: 20_000 })
    const ackedAt = await acked
    await expect(supervisor.page.locator('main')).toContainText(note, { timeout: 10_000 })
    const seenAt = await seen
    const lag = seenAt - ackedAt
    console.log(`live sync: supervisor saw the note ${lag} ms after the worker's unsynced count reached 0`)
    expect(lag).toBeLessThan(1_000)
    // Same document, never reloaded: the marker set before the tablet went offline is still there.
    expect(await supervisor.page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true)
  } finally {
    await worker.context.close()
    await supervisor.context.close()
  }
})
