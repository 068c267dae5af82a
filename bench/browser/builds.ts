// The two builds the browser benchmark compares side by side in one run: the app as it is, and the
// last build before at-rest encryption (issue 7), rebuilt by run.sh from git into .bench-base-dist.
// The baseline has no lock screen: it signs in from 설정 and keeps its data in plaintext.
import { expect, type Page } from '@playwright/test'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { DIST } from '../../tests/e2e/support/relay'
import { DEMO_PASSWORD } from '../../tests/e2e/support/app'

export interface Build {
  label: string
  dist: string
  encrypted: boolean
}

/** The commit run.sh builds the unencrypted baseline from (the last one before issue 7). */
export const BASELINE_COMMIT = '013e557'

export function builds(): Build[] {
  const list: Build[] = []
  const base = process.env.DOUM_BASELINE_DIST ? resolve(process.env.DOUM_BASELINE_DIST) : ''
  if (base && existsSync(resolve(base, 'index.html'))) list.push({ label: `unencrypted (${BASELINE_COMMIT})`, dist: base, encrypted: false })
  list.push({ label: 'encrypted (now)', dist: DIST, encrypted: true })
  return list
}

/**
 * Signs `username` in and returns the page time of the tap that started it: the lock screen's
 * 로그인 on the current build, the settings form's 로그인 on the baseline.
 */
export async function signIn(page: Page, build: Build, username: string): Promise<number> {
  if (build.encrypted) {
    await expect(page.getByRole('heading', { name: '도움 로그인' })).toBeVisible()
    await page.getByRole('textbox', { name: '아이디', exact: true }).fill(username)
    await page.getByLabel('비밀번호', { exact: true }).fill(DEMO_PASSWORD)
    await armTap(page)
    await page.getByRole('button', { name: '로그인', exact: true }).click()
    await expect(page.getByTestId('network-state')).toBeVisible({ timeout: 30_000 })
    return tapTime(page)
  }
  await page.evaluate(() => (window.location.hash = '#/settings'))
  await page.getByRole('textbox', { name: '아이디', exact: true }).fill(username)
  await page.getByLabel('비밀번호', { exact: true }).fill(DEMO_PASSWORD)
  await armTap(page)
  await page.getByRole('button', { name: '로그인', exact: true }).click()
  await expect(page.getByTestId('logged-in')).toContainText(username)
  return tapTime(page)
}

/**
 * The tap is timed in the page, when the finger lands (pointerdown), not when the test asks for the
 * click: Playwright's checks before clicking would otherwise count as sign-in time.
 */
async function armTap(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __tap?: number }
    delete w.__tap
    document.addEventListener('pointerdown', () => (w.__tap = performance.now()), { capture: true, once: true })
  })
}

async function tapTime(page: Page): Promise<number> {
  const at = await page.evaluate(() => (window as unknown as { __tap?: number }).__tap)
  if (at === undefined) throw new Error('the sign-in tap was not seen')
  return at
}

/**
 * Records, in page time, when the sync state first reads `state`, when the case list on screen first
 * counts `listTarget` case files in all, and the longest task seen.
 */
export async function watchPage(page: Page, listTarget = Number.POSITIVE_INFINITY): Promise<void> {
  await page.addInitScript((target: number) => {
    const w = window as unknown as { __states: Record<string, number>; __longest: number; __longTasks: number; __listDone?: number }
    w.__states = {}
    w.__longest = 0
    w.__longTasks = 0
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          w.__longest = Math.max(w.__longest, e.duration)
          if (e.duration > 200) w.__longTasks++
        }
      }).observe({ type: 'longtask', buffered: true })
    } catch {
      // no long-task timing in this browser
    }
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="sync-state"]')
      const state = el?.getAttribute('data-state')
      if (state && w.__states[state] === undefined) w.__states[state] = performance.now()
      const count = document.querySelector('[data-testid="case-count"]')?.textContent ?? ''
      const total = Number(/전체 ([\d,]+)/.exec(count)?.[1]?.replace(/,/g, '') ?? 0)
      if (w.__listDone === undefined && total >= target) w.__listDone = performance.now()
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-state'] })
  }, listTarget)
}

export async function pageMarks(
  page: Page,
): Promise<{ states: Record<string, number>; longest: number; longTasks: number; listDone: number | undefined }> {
  return page.evaluate(() => {
    const w = window as unknown as { __states: Record<string, number>; __longest: number; __longTasks: number; __listDone?: number }
    return { states: { ...w.__states }, longest: w.__longest, longTasks: w.__longTasks, listDone: w.__listDone }
  })
}

/** Resets the long-task record (e.g. right before the part being measured). */
export async function resetLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number; __longTasks: number }
    w.__longest = 0
    w.__longTasks = 0
  })
}
