// Part of `npm run bench`: a supervisor signs in on a new device and the app pulls 2,000 case files
// into real IndexedDB in Chromium (the engine, the store, its list projections, all real), measured
// in page time from the sign-in tap until both 최신 상태 and the case list on screen counting all of
// them, with the longest main-thread task while it runs; the encrypted app beside the last unencrypted
// build (which signs in from 설정, so its list is opened afterwards and counted from its durable rows).
//
// Both builds run in a Chromium driven over a bare DevTools connection (bareCdp.ts), as a device runs
// with no debugger attached. Under Playwright, Chromium copies every WebSocket frame of the 15 MB feed to
// the test runner (its Network domain): measured here on a bare feed, that costs the page's main thread
// ~450 ms and the browser's ~300 ms of a 2-core machine. The current build is also timed that way, last,
// so the figure stays comparable with earlier runs of this benchmark.
// The tap comes once the service worker is installed: a person takes seconds to type an id and a
// password, and the app installs it meanwhile (src/main.tsx), so its downloads are done by then.
import { test, expect } from '../../tests/e2e/support/fixtures'
import { generateCaseFiles } from '../data'
import { makeDevice, pushAll } from '../doumPath'
import { newProfileDir, openProfile, removeProfileDir } from '../../tests/e2e/support/browser'
import { disposeRelay, startRelay, type Relay } from '../../tests/e2e/support/relay'
import { DEMO_PASSWORD } from '../../tests/e2e/support/app'
import { openBarePage, type BarePage } from './bareCdp'
import { builds, pageMarks, resetLongTasks, signIn, watchPage, type Build } from './builds'

const DOCS = Number(process.env.BENCH_DOCS ?? 2000)
const TARGET_MS = 2000
const TASK_BUDGET_MS = 200

async function tokenFor(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  if (!res.ok) throw new Error(`login ${res.status}`)
  return ((await res.json()) as { token: string }).token
}

/** A relay holding DOCS case files of dong-sinchon, put there by another device of the team (not timed). */
async function seededRelay(dist: string): Promise<Relay> {
  const relay = await startRelay({ staticDir: dist })
  const seeder = makeDevice(`${relay.url.replace(/^http/, 'ws')}/sync`, await tokenFor(relay.url, 'dong.worker'), 'bench-seeder')
  await pushAll(seeder, generateCaseFiles(DOCS, 2026, 'dong-sinchon').items)
  seeder.engine.close()
  return relay
}

interface Timing {
  total: number
  tap: number
  done: number
  syncing: number
  signedIn: number
  longest: number
  longTasks: number
}

function report(label: string, build: Build, t: Timing): void {
  const ms = t.done - t.tap
  console.log(
    `first sync in Chromium, ${label}: ${t.total} case files in ${ms.toFixed(0)} ms from the sign-in tap to 최신 상태 with all listed ` +
      `(${(t.done - t.signedIn).toFixed(0)} ms from the relay's login answer, ${(t.done - t.syncing).toFixed(0)} ms from connected); ` +
      `longest main-thread task ${t.longest.toFixed(0)} ms, ${t.longTasks} over ${TASK_BUDGET_MS} ms`,
  )
  if (build.encrypted && !label.includes('Playwright')) {
    const verdict = (ok: boolean) => (ok ? 'pass' : 'MISS')
    console.log(`  target encrypted first sync ≤ ${TARGET_MS} ms: ${verdict(ms <= TARGET_MS)}; no task over ${TASK_BUDGET_MS} ms: ${verdict(t.longTasks === 0)}`)
  }
}

// ---- in the page (bare DevTools connection): the same marks as builds.ts watchPage, and the sign-in ----

function watchScript(listTarget: number): string {
  return `(() => {
    const target = ${listTarget}
    const w = window
    w.__states = {}; w.__longest = 0; w.__longTasks = 0
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) { w.__longest = Math.max(w.__longest, e.duration); if (e.duration > 200) w.__longTasks++ }
      }).observe({ type: 'longtask', buffered: true })
    } catch {}
    new MutationObserver(() => {
      const state = document.querySelector('[data-testid="sync-state"]')?.getAttribute('data-state')
      if (state && w.__states[state] === undefined) w.__states[state] = performance.now()
      const count = document.querySelector('[data-testid="case-count"]')?.textContent ?? ''
      const total = Number(/전체 ([\\d,]+)/.exec(count)?.[1]?.replace(/,/g, '') ?? 0)
      if (w.__listDone === undefined && total >= target) w.__listDone = performance.now()
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-state'] })
  })()`
}

/** Fills the sign-in form as a person would (focus, type) and taps 로그인; returns the tap's page time. */
function signInScript(encrypted: boolean, username: string, password: string): string {
  return `(async () => {
    const waitFor = async (find, ms = 30000) => {
      const start = performance.now()
      for (;;) {
        const found = find()
        if (found) return found
        if (performance.now() - start > ms) throw new Error('sign-in form not found')
        await new Promise((r) => setTimeout(r, 20))
      }
    }
    const byLabel = (text) => [...document.querySelectorAll('input')].find((i) => [...(i.labels ?? [])].some((l) => l.textContent.replace(/\\s*\\*$/, '').trim() === text))
    const type = (el, value) => {
      el.focus()
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, value)
      el.dispatchEvent(new Event('input', { bubbles: true }))
    }
    await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 10000))])
    if (${encrypted}) await waitFor(() => [...document.querySelectorAll('h1')].some((h) => h.textContent.trim() === '도움 로그인'))
    else window.location.hash = '#/settings'
    type(await waitFor(() => byLabel('아이디')), ${JSON.stringify(username)})
    type(await waitFor(() => byLabel('비밀번호')), ${JSON.stringify(password)})
    const button = await waitFor(() => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === '로그인'))
    await new Promise((r) => setTimeout(r, 100)) // React has the typed values
    window.__longest = 0; window.__longTasks = 0
    const tap = performance.now()
    button.click()
    return tap
  })()`
}

const LIST_TOTAL = `Number(/전체 ([\\d,]+)/.exec(document.querySelector('[data-testid="case-count"]')?.textContent ?? '')?.[1]?.replace(/,/g, '') ?? 0)`
const LOGIN_ANSWER = `performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/login'))?.responseEnd ?? NaN`

async function pollUntil(page: BarePage, expression: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${expression}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function timeBare(relay: Relay, build: Build): Promise<Timing> {
  const dir = newProfileDir()
  const page = await openBarePage(dir)
  try {
    await page.onNewDocument(watchScript(DOCS))
    await page.goto(`${relay.url}/#/`)
    await pollUntil(page, `document.readyState === 'complete'`, 30_000)
    const tap = await page.evaluate<number>(signInScript(build.encrypted, 'dong.supervisor', DEMO_PASSWORD))
    await pollUntil(page, `window.__states.upToDate !== undefined`, 240_000)
    await page.evaluate(`window.location.hash = '#/'`)
    await pollUntil(page, `${LIST_TOTAL} >= ${DOCS}`, 30_000)
    const m = await page.evaluate<{ states: Record<string, number>; longest: number; longTasks: number; listDone?: number; total: number; signedIn: number }>(
      `({ states: window.__states, longest: window.__longest, longTasks: window.__longTasks, listDone: window.__listDone, total: ${LIST_TOTAL}, signedIn: ${LOGIN_ANSWER} })`,
    )
    const upToDate = m.states.upToDate ?? Number.NaN
    // The current build shows the list while it syncs: done when it counts them all too.
    const done = build.encrypted ? Math.max(upToDate, m.listDone ?? Number.NaN) : upToDate
    return { total: m.total, tap, done, syncing: m.states.syncing ?? Number.NaN, signedIn: m.signedIn, longest: m.longest, longTasks: m.longTasks }
  } finally {
    await page.close()
    removeProfileDir(dir)
  }
}

async function timeUnderPlaywright(relay: Relay, build: Build): Promise<Timing> {
  const dir = newProfileDir()
  const { context, page } = await openProfile(dir)
  try {
    await watchPage(page, DOCS)
    await page.goto(`${relay.url}/#/`)
    await page.evaluate(() => Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(r, 10_000))]))
    await resetLongTasks(page)
    const tap = await signIn(page, build, 'dong.supervisor')
    await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'upToDate', { timeout: 240_000 })
    await page.evaluate(() => (window.location.hash = '#/'))
    await expect.poll(() => page.evaluate(LIST_TOTAL), { timeout: 30_000 }).toBeGreaterThanOrEqual(DOCS)
    const marks = await pageMarks(page)
    const total = await page.evaluate<number>(LIST_TOTAL)
    const signedIn = await page.evaluate<number>(LOGIN_ANSWER)
    const done = Math.max(marks.states.upToDate ?? Number.NaN, marks.listDone ?? Number.NaN)
    return { total, tap, done, syncing: marks.states.syncing ?? Number.NaN, signedIn, longest: marks.longest, longTasks: marks.longTasks }
  } finally {
    await context.close()
    removeProfileDir(dir)
  }
}

for (const build of builds()) {
  test(`first sync of ${DOCS} case files into a new device: ${build.label}`, async () => {
    test.setTimeout(300_000)
    const relay = await seededRelay(build.dist)
    try {
      const timing = await timeBare(relay, build)
      expect(timing.total).toBeGreaterThanOrEqual(DOCS)
      report(build.label, build, timing)
    } finally {
      await disposeRelay(relay)
    }
    if (!build.encrypted) return
    // For comparison with runs before the bare connection: the same build on a new relay, under Playwright.
    const again = await seededRelay(build.dist)
    try {
      const timing = await timeUnderPlaywright(again, build)
      expect(timing.total).toBeGreaterThanOrEqual(DOCS)
      report(`${build.label} under Playwright (its network instrumentation on)`, build, timing)
    } finally {
      await disposeRelay(again)
    }
  })
}
