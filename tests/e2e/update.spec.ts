// Issue 2: when a new version is deployed, "새 버전이 있습니다 — 새로고침" appears; accepting it
// activates the new service worker and reloads, and what was just typed is still there.
import { test, expect } from '@playwright/test'
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DIST, startRelay, disposeRelay, type Relay } from './support/relay'
import { newProfileDir, openProfile, removeProfileDir, waitForServiceWorkerControl } from './support/browser'
import { observations, openApp, openVisit, passGate, registerHousehold, startVisit } from './support/app'

let relay: Relay | undefined
let profile = ''
let site = ''

test.beforeEach(async () => {
  // A copy of the build we can "deploy" over without touching dist/.
  site = mkdtempSync(join(tmpdir(), 'doum-e2e-site-'))
  cpSync(DIST, site, { recursive: true })
  relay = await startRelay({ staticDir: site })
  profile = newProfileDir()
})

test.afterEach(async () => {
  await disposeRelay(relay)
  removeProfileDir(profile)
  rmSync(site, { recursive: true, force: true })
})

test('a new version is offered, and accepting it reloads without losing typed text', async () => {
  if (!relay) throw new Error('no relay')
  const { context, page } = await openProfile(profile)
  try {
    await openApp(page, relay.url)
    await waitForServiceWorkerControl(page)
    const caseId = await registerHousehold(page, {
      headName: '정이슬',
      address: '서울특별시 서대문구 독막로 3',
      presentingProblem: '건강보험료 체납이 이어짐.',
    })
    const visitId = await startVisit(page, caseId)
    await expect(page.getByText('새 버전이 있습니다')).toHaveCount(0)

    // Deploy: a byte-different service worker, then the browser's update check.
    appendFileSync(join(site, 'sw.js'), '\n// build 2\n')
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()))
    const prompt = page.getByRole('alert').filter({ hasText: '새 버전이 있습니다' })
    await expect(prompt).toBeVisible({ timeout: 20_000 })

    const text = '새 버전 안내가 뜬 뒤에 입력한 관찰 내용'
    await observations(page).click()
    await page.keyboard.type(text)
    await page.evaluate(() => ((window as unknown as { __beforeUpdate: boolean }).__beforeUpdate = true))
    await prompt.getByRole('button', { name: '새로고침' }).click()

    // The page reloaded under the new worker, with nothing waiting any more.
    await page.waitForFunction(() => !(window as unknown as { __beforeUpdate?: boolean }).__beforeUpdate, null, { timeout: 20_000 })
    await waitForServiceWorkerControl(page)
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting === null))).toBe(true)
    await expect(prompt).toHaveCount(0)
    // A reload locks the app (the key lives in memory only); what was typed waits, encrypted.
    await passGate(page)
    await openVisit(page, caseId, visitId)
    await expect(observations(page)).toHaveValue(text)
  } finally {
    await context.close()
  }
})
