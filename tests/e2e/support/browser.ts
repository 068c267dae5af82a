// One Chromium profile per test, on disk, so "close the app and open it again" keeps IndexedDB
// and the service worker. Two ways to open it: Playwright's persistent context, or a Chromium we
// spawn ourselves (killable with SIGKILL, so no unload handler runs) and drive over CDP.
import { chromium, type BrowserContext, type Browser, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../playwright.config'

const TABLET = { width: 1280, height: 800 }

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'doum-e2e-profile-'))
}

export function removeProfileDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
}

export async function openProfile(userDataDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    viewport: TABLET,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return { context, page }
}

export interface KillableBrowser {
  browser: Browser
  context: BrowserContext
  page: Page
  /** SIGKILL the whole Chromium process group: no unload, no pagehide, no flush. */
  killHard(): Promise<void>
}

/** A headless Chromium of its own process group on `userDataDir`, with its DevTools endpoint. */
export async function spawnChromium(userDataDir: string): Promise<{ child: ChildProcess; wsEndpoint: string; exited: Promise<void> }> {
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    [
      '--headless',
      ...CHROMIUM_ARGS,
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-port=0',
      '--lang=ko-KR',
      `--window-size=${TABLET.width},${TABLET.height}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  )
  const wsEndpoint = await new Promise<string>((ok, fail) => {
    let err = ''
    const timer = setTimeout(() => fail(new Error(`Chromium gave no DevTools endpoint:\n${err}`)), 20_000)
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString()
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err)
      if (m?.[1]) {
        clearTimeout(timer)
        ok(m[1])
      }
    })
    child.once('exit', (code) => fail(new Error(`Chromium exited (${code}):\n${err}`)))
  })
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  return { child, wsEndpoint, exited }
}

export async function openKillable(userDataDir: string): Promise<KillableBrowser> {
  const { child, wsEndpoint, exited } = await spawnChromium(userDataDir)
  const browser = await chromium.connectOverCDP(wsEndpoint)
  const context = browser.contexts()[0]
  if (!context) throw new Error('Chromium over CDP has no default context')
  const page = context.pages()[0] ?? (await context.newPage())
  await page.setViewportSize(TABLET)
  return {
    browser,
    context,
    page,
    killHard: async () => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      await exited
      // The CDP client notices the dead socket on its own; this only tidies its state.
      await browser.close().catch(() => undefined)
    },
  }
}

/** Waits until a service worker controls the page, reloading once if the first load was not claimed. */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.ready.then(() => true), null, { timeout: 20_000 })
  const controlled = await page
    .waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 5_000 })
    .then(() => true)
    .catch(() => false)
  if (!controlled) {
    await page.reload()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 })
  }
}

export async function installabilityErrors(context: BrowserContext, page: Page): Promise<string[]> {
  const cdp = await context.newCDPSession(page)
  const result = (await cdp.send('Page.getInstallabilityErrors')) as {
    installabilityErrors: { errorId: string; errorArguments: { name: string; value: string }[] }[]
  }
  await cdp.detach()
  return result.installabilityErrors.map(
    (e) => `${e.errorId}${e.errorArguments.length ? ` (${e.errorArguments.map((a) => `${a.name}=${a.value}`).join(', ')})` : ''}`,
  )
}
