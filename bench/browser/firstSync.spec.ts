// Part of `npm run bench`: a supervisor logs in on a new device and the app pulls 2,000 case files
// into real IndexedDB in Chromium (the engine, the Dexie store and its list projections, all real).
import { test, expect } from '../../tests/e2e/support/fixtures'
import { generateCaseFiles } from '../data'
import { makeDevice, pushAll } from '../doumPath'
import { openProfile } from '../../tests/e2e/support/browser'
import { login } from '../../tests/e2e/support/app'

const DOCS = Number(process.env.BENCH_DOCS ?? 2000)
const PASSWORD = 'demo2026!' // the synthetic demo organisation's password

async function tokenFor(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  })
  if (!res.ok) throw new Error(`login ${res.status}`)
  return ((await res.json()) as { token: string }).token
}

test(`first sync of ${DOCS} case files into a new device`, async ({ relay, profile }) => {
  test.setTimeout(300_000)
  // Another device of the team (not timed) puts the case files on the relay.
  const seeder = makeDevice(`${relay.url.replace(/^http/, 'ws')}/sync`, await tokenFor(relay.url, 'dong.worker'), 'bench-seeder')
  await pushAll(seeder, generateCaseFiles(DOCS, 2026, 'dong-sinchon').items)
  seeder.engine.close()

  const { context, page } = await openProfile(profile)
  try {
    await page.goto(`${relay.url}/#/`)
    const t0 = Date.now()
    await login(page, 'dong.supervisor', PASSWORD)
    await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'upToDate', { timeout: 240_000 })
    const syncMs = Date.now() - t0
    await page.evaluate(() => (window.location.hash = '#/'))
    const count = (await page.getByTestId('case-count').innerText()).trim()
    const total = Number(/전체 ([\d,]+)/.exec(count)?.[1]?.replace(/,/g, '') ?? 0)
    expect(total).toBeGreaterThanOrEqual(DOCS)
    console.log(`first sync in Chromium (real IndexedDB, list projections included): ${total} case files in ${syncMs} ms (${((total / syncMs) * 1000).toFixed(0)} files/s), from the login tap to 최신 상태`)
  } finally {
    await context.close()
  }
})
