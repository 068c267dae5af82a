// Perf investigation (not part of `npm run bench`): the first-sync spec with long tasks, a CDP
// CPU profile of the page's main thread summarised by category, and sync-state timings.
// Run: BENCH_PROFILE=1 (CPU profile on) BENCH_RUNS=n BENCH_DISTS=distA,distB (interleaved)
//   npx playwright test -c bench/browser/playwright.config.ts firstSyncProfile
import { writeFileSync } from 'node:fs'
import { test, expect } from '../../tests/e2e/support/fixtures'
import { generateCaseFiles } from '../data'
import { makeDevice, pushAll } from '../doumPath'
import { openProfile, newProfileDir, removeProfileDir } from '../../tests/e2e/support/browser'
import { startRelay, disposeRelay, type Relay } from '../../tests/e2e/support/relay'
import { DEMO_PASSWORD } from '../../tests/e2e/support/app'
import { signIn } from './builds'

const DOCS = Number(process.env.BENCH_DOCS ?? 2000)
const RUNS = Number(process.env.BENCH_RUNS ?? 1)
const PROFILE = process.env.BENCH_PROFILE === '1'
const PASSWORD = DEMO_PASSWORD

async function tokenFor(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  })
  if (!res.ok) throw new Error(`login ${res.status}`)
  return ((await res.json()) as { token: string }).token
}

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

// Checked from the leaf up: the first frame whose function name matches gives the category.
const CATEGORIES: [string, RegExp][] = [
  ['webcrypto', /^(encrypt|decrypt|importKey|seal|open|sealJson|openJson|encryptBytes|decryptBytes)$/],
  ['decode frames', /^(decodeMessage|decodeDocs|readVarUint8Array|decodeItems)$/],
  ['zod validation', /^(migrateCaseFile|safeParse|_safeParse|entitiesOf)$/],
  ['summarize/computeDue', /^(summarizeCase|computeDue|lastContactDate|latestVisit|toCaseRow)$/],
  ['read Y.Doc (toJSON)', /^(rawCaseFile|readCaseFile|plainOf|readMembers|readAssessment|readPlan|hasCaseFile|toJSON|projectDoc|readSummaryFields)$/],
  ['Y.Doc build/merge', /^(applyUpdate|applyUpdateV2|mergeUpdates|mergeUpdatesV2|readUpdateV2|emptyDoc|Doc|destroy|transact|integrateStructs|encodeStateVector)$/],
  ['case index refresh', /^(refresh|markChanged|bump|load|byName|query|compareKo)$/],
  ['broadcast', /^(postBroadcast|postMessage|handleBroadcast)$/],
  ['dexie/IDB calls', /^(bulkAdd|bulkPut|bulkGet|_trans|transaction|put|get|count|toArray|bulkDelete|getMeta|setMeta|setCursor|getCursor)$/],
  ['react render', /^(performWorkOnRoot|performSyncWorkOnRoot|renderRootSync|workLoopSync|commitRoot|flushSyncWorkAcrossRoots_impl|performWorkUntilDeadline|beginWork|completeWork)$/],
  ['compaction', /^(compactMany|maybeCompact)$/],
  ['sync engine', /^(handle|receive|commitCursor|applyRemote)$/],
]

function summarise(p: Profile): Record<string, number> {
  const byId = new Map<number, Node>()
  const parent = new Map<number, number>()
  for (const n of p.nodes) {
    byId.set(n.id, n)
    for (const c of n.children ?? []) parent.set(c, n.id)
  }
  const catOf = new Map<number, string>()
  const categorise = (id: number): string => {
    const hit = catOf.get(id)
    if (hit) return hit
    const leaf = byId.get(id)!
    const special = leaf.callFrame.functionName
    let cat: string | undefined
    if (special === '(idle)') cat = 'idle'
    else if (special === '(garbage collector)') cat = 'gc'
    else if (special === '(program)') cat = 'program (native/IDB/clone)'
    for (let cur: number | undefined = id; !cat && cur !== undefined; cur = parent.get(cur)) {
      const fn = byId.get(cur)!.callFrame.functionName
      for (const [name, re] of CATEGORIES) if (re.test(fn)) { cat = name; break }
    }
    cat ??= 'other JS'
    catOf.set(id, cat)
    return cat
  }
  const out: Record<string, number> = {}
  const fnSelf: Record<string, number> = {}
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000
    const cat = categorise(id)
    out[cat] = (out[cat] ?? 0) + dt
    const f = byId.get(id)!.callFrame
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`
    fnSelf[key] = (fnSelf[key] ?? 0) + dt
  })
  const top = Object.entries(fnSelf).sort((a, b) => b[1] - a[1]).slice(0, 25)
  console.log('perf top self:\n' + top.map(([k, v]) => `perf   ${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n'))
  return out
}

// BENCH_DISTS=dirA,dirB: one relay per build, runs interleaved A B A B… so both see the same machine load.
const DISTS = (process.env.BENCH_DISTS ?? process.env.DOUM_E2E_DIST ?? 'dist').split(',')

// An investigation tool: `npm run bench` (which runs every spec here) skips it unless asked for.
test.skip(!process.env.BENCH_DISTS && !process.env.BENCH_PROFILE && !process.env.BENCH_MARKS, 'set BENCH_DISTS, BENCH_PROFILE or BENCH_MARKS')

test(`profiled first sync of ${DOCS} case files`, async () => {
  test.setTimeout(900_000)
  const relays: Relay[] = []
  try {
  for (const dist of DISTS) {
    const relay = await startRelay({ staticDir: dist })
    relays.push(relay)
    const seeder = makeDevice(`${relay.url.replace(/^http/, 'ws')}/sync`, await tokenFor(relay.url, 'dong.worker'), 'bench-seeder')
    await pushAll(seeder, generateCaseFiles(DOCS, 2026, 'dong-sinchon').items)
    seeder.engine.close()
  }
  for (let run = 0; run < RUNS; run++) for (const [di, relay] of relays.entries()) {
    const label = DISTS[di]!.replace(/^.*bench-dist-?/, '')
    const dir = newProfileDir()
    const { context, page } = await openProfile(dir)
    try {
      await page.addInitScript(() => {
        const w = window as unknown as { __lt: { start: number; dur: number }[]; __states: [string, number][] }
        w.__lt = []
        w.__states = []
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__lt.push({ start: e.startTime, dur: e.duration })
        }).observe({ type: 'longtask', buffered: true })
        const seen = () => {
          const el = document.querySelector('[data-testid="sync-state"]')
          const s = el?.getAttribute('data-state') ?? ''
          if (w.__states.at(-1)?.[0] !== s) w.__states.push([s, performance.now()])
        }
        new MutationObserver(seen).observe(document, { subtree: true, attributes: true, childList: true, attributeFilter: ['data-state'] })
        // Arrival (page time) and size of every frame from the relay: tells relay pacing from device lag.
        const frames: [number, number][] = ((window as unknown as { __frames: [number, number][] }).__frames = [])
        const Native = window.WebSocket
        window.WebSocket = class extends Native {
          constructor(url: string | URL, protocols?: string | string[]) {
            super(url, protocols)
            this.addEventListener('message', (e: MessageEvent) => frames.push([performance.now(), (e.data as ArrayBuffer).byteLength ?? 0]))
          }
        } as typeof WebSocket
      })
      await page.goto(`${relay.url}/#/`)
      // As in firstSync.spec.ts: the service worker is installed by the time a person has typed.
      await page.evaluate(() => Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(r, 10_000))]))
      const cdp = await context.newCDPSession(page)
      if (PROFILE) {
        await cdp.send('Profiler.enable')
        await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
        await cdp.send('Profiler.start')
      }
      // Timed as firstSync.spec.ts does: from the sign-in tap (page time) to upToDate.
      const p0 = await signIn(page, { label, dist: DISTS[di]!, encrypted: true }, 'dong.supervisor')
      const pLogin = await page.evaluate(() => performance.now())
      await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'upToDate', { timeout: 240_000 })
      let cats: Record<string, number> = {}
      if (PROFILE) {
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile }
        writeFileSync(`/tmp/firstsync-${label}-${run}.cpuprofile`, JSON.stringify(profile))
        cats = summarise(profile)
      }
      const frames = await page.evaluate(() => (window as unknown as { __frames: [number, number][] }).__frames)
      console.log(`perf frames (ms after tap: KiB): ${frames.filter(([, b]) => b > 1024).map(([t, b]) => `${(t - p0).toFixed(0)}:${(b / 1024).toFixed(0)}`).join(' ')}`)
      if (process.env.BENCH_MARKS === '1') {
        const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const))
        console.log('perf marks: ' + marks.filter(([, t]) => t >= p0).map(([n, t]) => `${n}@${(t - p0).toFixed(0)}`).join(' '))
      }
      const { lt, states } = await page.evaluate(() => {
        const w = window as unknown as { __lt: { start: number; dur: number }[]; __states: [string, number][] }
        return { lt: w.__lt, states: w.__states }
      })
      await page.evaluate(() => (window.location.hash = '#/'))
      const count = (await page.getByTestId('case-count').innerText()).trim()
      const total = Number(/전체 ([\d,]+)/.exec(count)?.[1]?.replace(/,/g, '') ?? 0)
      expect(total).toBeGreaterThanOrEqual(DOCS)
      const during = lt.filter((t) => t.start >= p0)
      const max = Math.max(0, ...during.map((t) => t.dur))
      const over200 = during.filter((t) => t.dur > 200).length
      const syncing = states.find((s) => s[0] === 'syncing')?.[1]
      const done = states.find((s) => s[0] === 'upToDate')?.[1]
      const syncMs = done === undefined ? Number.NaN : Math.round(done - p0)
      console.log(`perf [${label}] states (ms after login start): app shown<=${(pLogin - p0).toFixed(0)} ` + states.map(([s, t]) => `${s}@${(t - p0).toFixed(0)}`).join(' '))
      const lt200 = during.filter((t) => t.dur > 100).map((t) => `${(t.start - p0).toFixed(0)}+${t.dur.toFixed(0)}`).join(' ')
      console.log(`perf [${label}] long tasks >100ms (start+dur): ${lt200}`)
      console.log(
        `first sync [${label}] run ${run}: ${total} files in ${syncMs} ms; syncing→upToDate ${syncing && done ? (done - syncing).toFixed(0) : '?'} ms; ` +
          `long tasks ${during.length} (sum ${during.reduce((a, t) => a + t.dur, 0).toFixed(0)} ms, max ${max.toFixed(0)} ms, >200ms: ${over200})`,
      )
      if (PROFILE) {
        const line = Object.entries(cats).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | ')
        console.log(`perf categories (ms): ${line}`)
      }
    } finally {
      await context.close()
      removeProfileDir(dir)
    }
  }
  } finally {
    for (const r of relays) await disposeRelay(r)
  }
})
