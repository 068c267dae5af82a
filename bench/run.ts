// `npm run bench`: stock y-websocket vs the Doum relay + device engine, side by side, on loopback and
// through a 50 ms RTT proxy, plus the no-network floor, a 200-device fan-out and 500 stock y-websocket
// clients on one case file (stock server vs /yjs). Prints the tables and targets.
// Env: BENCH_DOCS (default 2000), BENCH_STORE_DOCS (docs timed for the store row, default 600),
// BENCH_MANY_CLIENTS (default 500), BENCH_MANY_EDITS (default 10).
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import type { Child } from './child'
import { makeTempDir, removeTempDir, startIpcChild } from './child'
import { generateCaseFiles, makeEdits, type DocState } from './data'
import { writeDocFile } from './docFile'
import { holds, makeDevice, pushAll, startAndWaitUpToDate, startRelay, type Device } from './doumPath'
import { measureFanout, type FanoutResult } from './fanout'
import { measureFloor } from './floor'
import { MANY_CLIENTS, measureManyClients, type ManyResult } from './manyClients'
import type { ByteCount } from './latencyProxy'
import { startStockServer, stockApplyEdits, stockFirstSync, stockReconnect } from './stockBaseline'
import { fmtBytes, fmtMs, renderManyTable, renderTable, renderTargets, type ManyRow, type Row } from './table'

const DOCS = Number(process.env.BENCH_DOCS ?? 2000)
const STORE_DOCS = Math.min(DOCS, Number(process.env.BENCH_STORE_DOCS ?? 600))
const CHANGED = Math.min(20, DOCS)
/** Each first sync runs this often from an empty device; the best time counts (shared machines are noisy). */
const FIRST_SYNC_REPEATS = Number(process.env.BENCH_REPEATS ?? 2)
const ONE_WAY_DELAY_MS = 25
const RUN_LIMIT_MS = 360_000
const SEED = 2026

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void
const log = (line: string): void => console.error(`[bench] ${line}`)
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

type Mode = 'loopback' | 'rtt'
interface PathResult {
  firstMs: number
  reconnectMs: number
  firstWire?: ByteCount
  reconnectWire?: ByteCount
}

/** Starts the latency proxy (its own process) in front of `port` when mode is 'rtt'. */
async function front(mode: Mode, port: number): Promise<{ port: number; proxy: Child | null }> {
  if (mode === 'loopback') return { port, proxy: null }
  const { child, ready } = await startIpcChild(path.join(import.meta.dirname, 'proxyChild.ts'), [String(port), String(ONE_WAY_DELAY_MS)])
  return { port: Number(ready.port), proxy: child }
}

const bytes = async (proxy: Child | null): Promise<ByteCount | undefined> => (proxy ? proxy.request<ByteCount>({ type: 'bytes' }) : undefined)
const resetBytes = async (proxy: Child | null): Promise<void> => {
  if (proxy) await proxy.request({ type: 'reset' })
}

function verify(ok: boolean, what: string): void {
  if (!ok) throw new Error(`verification failed: ${what}`)
}

async function runStock(mode: Mode, docFile: string, items: DocState[], edits: DocState[]): Promise<PathResult> {
  const server = await startStockServer(docFile)
  const { port, proxy } = await front(mode, server.port)
  try {
    const url = `ws://127.0.0.1:${port}`
    let firstWire: ByteCount | undefined
    let firstMs = Infinity
    let first: Awaited<ReturnType<typeof stockFirstSync>> | null = null
    for (let i = 0; i < FIRST_SYNC_REPEATS; i++) {
      if (first) for (const d of first.device.docs.values()) d.destroy()
      gc()
      await resetBytes(proxy)
      first = await stockFirstSync(url, items.map((it) => it.name))
      const device = first.device
      verify(items.every((it) => holds(device.docs.get(it.name), it.update)), 'stock device lacks a document after first sync')
      firstWire ??= await bytes(proxy)
      firstMs = Math.min(firstMs, first.ms)
    }
    if (!first) throw new Error('no stock first sync ran')
    await stockApplyEdits(server.child, edits)
    await resetBytes(proxy)
    const reconnectMs = await stockReconnect(url, first.device)
    verify(edits.every((e) => holds(first.device.docs.get(e.name), e.update)), 'stock device lacks a change after reconnect')
    const reconnectWire = await bytes(proxy)
    for (const d of first.device.docs.values()) d.destroy()
    return { firstMs, reconnectMs, firstWire, reconnectWire }
  } finally {
    await proxy?.stop()
    await server.child.stop()
  }
}

async function runDoum(mode: Mode, items: DocState[], edits: DocState[]): Promise<PathResult> {
  const relay = await startRelay(2)
  const direct = `ws://127.0.0.1:${relay.port}/sync`
  // Another device of the team (its own user) creates the documents and later changes 20 of them.
  const other = makeDevice(direct, relay.tokens[1] as string, 'bench-other-device')
  const { port, proxy } = await front(mode, relay.port)
  try {
    await pushAll(other, items)
    other.engine.stop()
    await sleep(1000) // let the relay's background snapshot work settle: the device syncs a day later
    let firstWire: ByteCount | undefined
    let firstMs = Infinity
    let device: Device | null = null
    for (let i = 0; i < FIRST_SYNC_REPEATS; i++) {
      device?.engine.close()
      gc()
      await resetBytes(proxy)
      const fresh = makeDevice(`ws://127.0.0.1:${port}/sync`, relay.tokens[0] as string, `bench-device-${i}`)
      firstMs = Math.min(firstMs, await startAndWaitUpToDate(fresh.engine))
      verify(items.every((it) => holds(fresh.store.state(it.name), it.update)), 'doum device lacks a document after first sync')
      firstWire ??= await bytes(proxy)
      fresh.engine.stop()
      device = fresh
    }
    if (!device) throw new Error('no doum first sync ran')

    await pushAll(other, edits)
    other.engine.stop()
    await sleep(500)
    await resetBytes(proxy)
    const reconnectMs = await startAndWaitUpToDate(device.engine)
    const held = device.store
    verify(edits.every((e) => holds(held.state(e.name), e.update)), 'doum device lacks a change after reconnect')
    const reconnectWire = await bytes(proxy)
    device.engine.close()
    return { firstMs, reconnectMs, firstWire, reconnectWire }
  } finally {
    other.engine.close()
    await proxy?.stop()
    await relay.stop()
  }
}

async function storeRow(dir: string, items: DocState[]): Promise<{ ms: number; docs: number } | { error: string }> {
  const file = path.join(dir, 'store-docs.bin')
  writeDocFile(file, items)
  try {
    const { child, ready } = await startIpcChild(path.join(import.meta.dirname, 'storeRowChild.ts'), [file], 120_000)
    await child.stop()
    return { ms: Number(ready.ms), docs: Number(ready.docs) }
  } catch (err) {
    return { error: (err as Error).message }
  }
}

async function manyOnStock(dir: string, shared: DocState): Promise<ManyResult | { error: string }> {
  const file = path.join(dir, 'many-doc.bin')
  writeDocFile(file, [shared])
  gc()
  const server = await startStockServer(file)
  try {
    return await measureManyClients(`ws://127.0.0.1:${server.port}`, shared, server.child.rss)
  } catch (err) {
    return { error: (err as Error).message }
  } finally {
    await server.child.stop()
  }
}

async function manyOnDoum(shared: DocState): Promise<ManyResult | { error: string }> {
  gc()
  const relay = await startRelay(2)
  try {
    // The case file exists on the relay before the clients connect (pushed by a device not counted).
    const creator = makeDevice(`ws://127.0.0.1:${relay.port}/sync`, relay.tokens[1] as string, 'many-creator')
    await pushAll(creator, [shared])
    creator.engine.close()
    await sleep(500)
    return await measureManyClients(`ws://127.0.0.1:${relay.port}/yjs`, shared, relay.rss, { tokens: relay.tokens })
  } catch (err) {
    return { error: (err as Error).message }
  } finally {
    await relay.stop()
  }
}

async function main(): Promise<void> {
  const started = performance.now()
  const dir = makeTempDir('doum-bench-')
  try {
    log(`generating ${DOCS} case files (seed ${SEED})`)
    const set = generateCaseFiles(DOCS, SEED)
    const edits = makeEdits(set.items, CHANGED, SEED + 1)
    const editBytes = edits.reduce((s, e) => s + e.update.byteLength, 0)
    const docFile = path.join(dir, 'docs.bin')
    writeDocFile(docFile, set.items)
    console.log(`case files: ${DOCS}, average encoded state ${fmtBytes(set.averageBytes)} (total ${fmtBytes(set.totalBytes)}); ${CHANGED} changed: ${fmtBytes(editBytes)} of updates`)

    measureFloor(set.items.slice(0, 300), gc) // warm-up: the device process is warm when it syncs, so is the floor
    const floorRuns = [0, 1, 2].map(() => {
      gc()
      return measureFloor(set.items, gc).ms
    })
    const floorMs = Math.min(...floorRuns)
    log(`floor ${floorRuns.map((m) => m.toFixed(0)).join(' / ')} ms (best counts)`)

    const stock: Partial<Record<Mode, PathResult>> = {}
    const doum: Partial<Record<Mode, PathResult>> = {}
    for (const mode of ['loopback', 'rtt'] as const) {
      log(`stock, ${mode}`)
      gc()
      stock[mode] = await runStock(mode, docFile, set.items, edits)
      log(`stock ${mode}: first ${fmtMs(stock[mode]?.firstMs)} ms, reconnect ${fmtMs(stock[mode]?.reconnectMs)} ms`)
      log(`doum, ${mode}`)
      gc()
      doum[mode] = await runDoum(mode, set.items, edits)
      log(`doum ${mode}: first ${fmtMs(doum[mode]?.firstMs)} ms, reconnect ${fmtMs(doum[mode]?.reconnectMs)} ms`)
    }

    log(`store row: ${STORE_DOCS} docs into the app's Dexie store (fake-indexeddb)`)
    const store = await storeRow(dir, set.items.slice(0, STORE_DOCS))

    log('fan-out: 200 devices')
    let fan: FanoutResult | { error: string }
    const relay = await startRelay(2)
    try {
      fan = await measureFanout(relay, set.items[0] as DocState)
    } catch (err) {
      fan = { error: (err as Error).message }
    } finally {
      await relay.stop()
    }

    log(`many clients: ${MANY_CLIENTS} stock y-websocket clients on one case file, stock server`)
    const shared = set.items[0] as DocState
    const stockMany = await manyOnStock(dir, shared)
    log(`many clients: ${MANY_CLIENTS} stock y-websocket clients on one case file, doum /yjs`)
    const doumMany = await manyOnDoum(shared)

    const S = { l: stock.loopback, r: stock.rtt }
    const D = { l: doum.loopback, r: doum.rtt }
    const ratio = (a?: number, b?: number): number | undefined => (a !== undefined && b ? a / b : undefined)
    const rows: Row[] = [
      { scenario: `(1) first sync ${DOCS}`, path: 'stock y-websocket, 1 conn/doc ×50', loopbackMs: S.l?.firstMs, rttMs: S.r?.firstMs, wire: S.r?.firstWire, rawBytes: set.totalBytes },
      {
        scenario: `(1) first sync ${DOCS}`,
        path: 'doum relay + engine, 1 socket',
        loopbackMs: D.l?.firstMs,
        rttMs: D.r?.firstMs,
        wire: D.r?.firstWire,
        rawBytes: set.totalBytes,
        speedup: { loopback: ratio(S.l?.firstMs, D.l?.firstMs), rtt: ratio(S.r?.firstMs, D.r?.firstMs) },
      },
      'error' in store
        ? { scenario: `(1) first sync ${DOCS}`, path: 'doum device store write', note: `not measured: ${store.error}` }
        : {
            scenario: `(1) first sync ${DOCS}`,
            path: 'doum device store write',
            loopbackMs: (store.ms / store.docs) * DOCS,
            note: `Dexie syncAdapter.applyRemote on fake-indexeddb in Node, ${store.docs} docs timed (${fmtMs(store.ms)} ms), scaled to ${DOCS}; a browser's IndexedDB differs`,
          },
      { scenario: '(3) floor', path: 'encode + apply, no network', loopbackMs: floorMs, rawBytes: set.totalBytes, note: `best of 3 (${floorRuns.map((m) => m.toFixed(0)).join(' / ')} ms)` },
      { scenario: `(2) reconnect ${CHANGED}/${DOCS} changed`, path: 'stock y-websocket, 1 conn/doc ×50', loopbackMs: S.l?.reconnectMs, rttMs: S.r?.reconnectMs, wire: S.r?.reconnectWire, rawBytes: editBytes },
      {
        scenario: `(2) reconnect ${CHANGED}/${DOCS} changed`,
        path: 'doum relay + engine, 1 socket',
        loopbackMs: D.l?.reconnectMs,
        rttMs: D.r?.reconnectMs,
        wire: D.r?.reconnectWire,
        rawBytes: editBytes,
        speedup: { loopback: ratio(S.l?.reconnectMs, D.l?.reconnectMs), rtt: ratio(S.r?.reconnectMs, D.r?.reconnectMs) },
      },
    ]
    const fanLine =
      'error' in fan
        ? `(4) fan-out: not measured: ${fan.error}`
        : `(4) fan-out, ${fan.devices} devices on loopback, ${fan.rounds} edits (${fan.samples} receipts): p50 ${fmtMs(fan.p50)} ms, p99 ${fmtMs(fan.p99)} ms, max ${fmtMs(fan.max)} ms; relay RSS ${fmtBytes(fan.rssBefore)} before → ${fmtBytes(fan.rssAfter)} with ${fan.devices} connected`

    console.log('')
    console.log(renderTable(rows))
    console.log('')
    console.log(fanLine)
    console.log(`bytes on the wire are counted at the 50 ms proxy (both directions, WebSocket framing, compression and handshakes included)`)
    console.log('')
    const firstVsFloor = ratio(D.l?.firstMs, floorMs) ?? Infinity
    const firstX = ratio(S.r?.firstMs, D.r?.firstMs) ?? 0
    const reconnectX = ratio(S.r?.reconnectMs, D.r?.reconnectMs) ?? 0
    console.log(
      renderTargets([
        { name: 'loopback first sync ≤ 2× floor', measured: `${fmtMs(D.l?.firstMs)} ms = ${firstVsFloor.toFixed(2)}× floor (${fmtMs(floorMs)} ms)`, pass: firstVsFloor <= 2 },
        { name: 'loopback reconnect < 50 ms', measured: `${fmtMs(D.l?.reconnectMs)} ms`, pass: (D.l?.reconnectMs ?? Infinity) < 50 },
        { name: '50 ms RTT first sync ≥ 5× faster than stock', measured: `${firstX.toFixed(1)}× (${fmtMs(S.r?.firstMs)} → ${fmtMs(D.r?.firstMs)} ms)`, pass: firstX >= 5 },
        { name: '50 ms RTT reconnect ≥ 20× faster than stock', measured: `${reconnectX.toFixed(1)}× (${fmtMs(S.r?.reconnectMs)} → ${fmtMs(D.r?.reconnectMs)} ms)`, pass: reconnectX >= 20 },
      ]),
    )
    console.log('')
    const manyRow = (p: string, r: ManyResult | { error: string }): ManyRow => ('error' in r ? { path: p, error: r.error } : { path: p, ...r })
    console.log(renderManyTable([manyRow('stock @y/websocket-server', stockMany), manyRow('doum relay /yjs', doumMany)]))
    console.log(`each edit (a household note, by a different client) is timed to every other client; "delivered" counts arrivals within 20 s; RSS sampled every 100 ms`)
    console.log('')
    const okMany = (r: ManyResult | { error: string }): ManyResult | null => ('error' in r ? null : r)
    const sm = okMany(stockMany)
    const dm = okMany(doumMany)
    const p99x = dm && sm ? dm.p99 / sm.p99 : NaN
    const rssx = dm && sm ? dm.rssPeak / sm.rssPeak : NaN
    console.log(
      renderTargets([
        { name: `${MANY_CLIENTS} clients: edit p99 ≤ 1.5× stock`, measured: `${fmtMs(dm?.p99)} ms vs ${fmtMs(sm?.p99)} ms = ${p99x.toFixed(2)}×`, pass: p99x <= 1.5 },
        { name: `${MANY_CLIENTS} clients: relay peak RSS ≤ 1.5× stock`, measured: `${fmtBytes(dm?.rssPeak)} vs ${fmtBytes(sm?.rssPeak)} = ${rssx.toFixed(2)}×`, pass: rssx <= 1.5 },
        {
          name: `${MANY_CLIENTS} clients: every edit reaches every client`,
          measured: dm ? `${dm.received}/${dm.expected} receipts, ${dm.editsToAll}/${dm.edits} edits to all` : 'not measured',
          pass: Boolean(dm && dm.received === dm.expected && dm.expected > 0),
        },
      ], 'MISS'),
    )
    const load = os.loadavg().map((l) => l.toFixed(1)).join(' ')
    console.log(`\nwhole run ${((performance.now() - started) / 1000).toFixed(0)} s on ${os.cpus().length} CPUs, load average ${load}; first syncs: best of ${FIRST_SYNC_REPEATS}`)
  } finally {
    removeTempDir(dir)
  }
}

const limit = setTimeout(() => {
  console.error(`[bench] stopped: over ${RUN_LIMIT_MS / 1000} s`)
  process.exit(1)
}, RUN_LIMIT_MS)
limit.unref()

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[bench] failed: ${(err as Error).stack ?? String(err)}`)
    process.exit(1)
  },
)
