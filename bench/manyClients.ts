// (5) Many stock y-websocket clients on one case file (issue 8): COUNT WebsocketProviders connect at once
// to one document, then EDITS edits, each by a different client, are timed to every other client.
// Run against @y/websocket-server (bench/stockServer.ts) and against the relay's /yjs, same clients.
// Standalone: `tsx bench/manyClients.ts [count] [stock|doum|both]` (bounded: 60 s sync, 20 s per edit).
import path from 'node:path'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { DocState } from './data'
import { percentile } from './fanout'

export interface ManyResult {
  clients: number
  /** All providers created → every one `synced` and holding the case file. */
  syncMs: number
  synced: number
  edits: number
  /** Edits that reached every other client within EDIT_LIMIT_MS. */
  editsToAll: number
  /** Receipts (client × edit) that arrived within the limit, of those expected. */
  received: number
  expected: number
  p50: number
  p99: number
  max: number
  /** Server RSS: before the clients connect, after they synced, and the highest seen during the run. */
  rssBefore: number
  rssSynced: number
  rssPeak: number
}

export const MANY_CLIENTS = Number(process.env.BENCH_MANY_CLIENTS ?? 500)
export const MANY_EDITS = Number(process.env.BENCH_MANY_EDITS ?? 10)
export const EDIT_LIMIT_MS = 20_000
const SYNC_LIMIT_MS = 60_000



const note = (e: number): string => `방문 메모 ${e + 1}회차 (${process.pid})`
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/**
 * `url` is the provider's server URL (the room name is appended); `tokens` (optional) are handed out round
 * robin as `?token=` (the relay limits open sockets per account, so the clients are spread over its users).
 */
export async function measureManyClients(
  url: string, shared: DocState, rss: () => number, opts: { tokens?: string[]; count?: number; edits?: number } = {},
): Promise<ManyResult> {
  const count = opts.count ?? MANY_CLIENTS
  const edits = opts.edits ?? MANY_EDITS
  // Each provider adds a process 'exit' listener while it lives.
  process.setMaxListeners(Math.max(process.getMaxListeners(), count + 100))
  let rssPeak = rss()
  const rssBefore = rssPeak
  const sampler = setInterval(() => {
    try {
      rssPeak = Math.max(rssPeak, rss())
    } catch {
      // the server is gone
    }
  }, 100)
  const docs: Y.Doc[] = []
  const providers: WebsocketProvider[] = []
  // arrivals[e] : client index → ms after edit e was made
  const arrivals: Map<number, number>[] = []
  const sentAt: number[] = []
  try {
    const t0 = performance.now()
    let synced = 0
    const allSynced = new Promise<void>((resolve) => {
      for (let i = 0; i < count; i++) {
        const doc = new Y.Doc()
        const p = new WebsocketProvider(url, shared.name, doc, {
          // ws implements the browser WebSocket surface the provider uses.
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
          params: opts.tokens?.length ? { token: opts.tokens[i % opts.tokens.length] as string } : {},
          disableBc: true,
        })
        p.once('sync', (s: boolean) => {
          if (s && ++synced === count) resolve()
        })
        const household = doc.getMap<unknown>('household')
        doc.on('update', () => {
          const e = sentAt.length - 1
          const got = arrivals[e]
          if (got && !got.has(i) && household.get('note') === note(e)) got.set(i, performance.now() - (sentAt[e] as number))
        })
        docs.push(doc)
        providers.push(p)
      }
    })
    await Promise.race([allSynced, sleep(SYNC_LIMIT_MS)])
    const syncMs = synced === count ? performance.now() - t0 : NaN
    const full = docs.filter((d) => holdsAll(d, shared.update)).length
    if (synced === count && full < count) throw new Error(`${count - full} clients synced without the case file`)
    await sleep(500)
    const rssSynced = rss()

    let editsToAll = 0
    const latencies: number[] = []
    let received = 0
    for (let e = 0; e < edits && synced === count; e++) {
      const editor = (e * 37) % count
      const got = new Map<number, number>()
      got.set(editor, 0)
      arrivals.push(got)
      sentAt.push(performance.now())
      // The edit: a line typed into the household's note (a valid case file change, as in fanout.ts).
      ;(docs[editor] as Y.Doc).getMap<unknown>('household').set('note', note(e))
      const until = performance.now() + EDIT_LIMIT_MS
      while (got.size < count && performance.now() < until) await sleep(5)
      got.delete(editor)
      for (const ms of got.values()) if (ms <= EDIT_LIMIT_MS) latencies.push(ms)
      const inTime = [...got.values()].filter((ms) => ms <= EDIT_LIMIT_MS).length
      received += inTime
      if (inTime === count - 1) editsToAll++
      else break // the relay is this far behind: further edits would only measure its backlog
      await sleep(100)
    }
    latencies.sort((a, b) => a - b)
    return {
      clients: count, syncMs, synced, edits, editsToAll, received, expected: edits * (count - 1),
      p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1] ?? NaN,
      rssBefore, rssSynced, rssPeak,
    }
  } finally {
    clearInterval(sampler)
    for (const p of providers) {
      p.awareness.destroy()
      p.destroy()
    }
    for (const d of docs) d.destroy()
    await sleep(300)
  }
}

function holdsAll(doc: Y.Doc, update: Uint8Array): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) {
    if ((have.get(client) ?? 0) < clock) return false
  }
  return true
}

export function describeMany(r: ManyResult): string {
  const f = (ms: number): string => (Number.isNaN(ms) ? '—' : ms < 100 ? ms.toFixed(1) : ms.toFixed(0))
  return `${r.clients} clients: sync ${f(r.syncMs)} ms (${r.synced} synced), edits to all ${r.editsToAll}/${r.edits}, receipts ${r.received}/${r.expected}, p50 ${f(r.p50)} ms, p99 ${f(r.p99)} ms, max ${f(r.max)} ms, RSS ${(r.rssBefore / 1e6).toFixed(0)} → ${(r.rssSynced / 1e6).toFixed(0)} MB, peak ${(r.rssPeak / 1e6).toFixed(0)} MB`
}

async function standalone(): Promise<void> {
  const { generateCaseFiles } = await import('./data')
  const { makeTempDir, removeTempDir } = await import('./child')
  const { writeDocFile } = await import('./docFile')
  const { startStockServer } = await import('./stockBaseline')
  const { makeDevice, pushAll, startRelay } = await import('./doumPath')
  const count = Number(process.argv[2] ?? MANY_CLIENTS)
  const which = process.argv[3] ?? 'both'
  const shared = generateCaseFiles(1, 2026).items[0] as DocState
  console.log(`case file ${shared.update.byteLength} B, ${count} clients`)
  if (which !== 'doum') {
    const dir = makeTempDir('doum-many-')
    const file = path.join(dir, 'doc.bin')
    writeDocFile(file, [shared])
    const server = await startStockServer(file)
    try {
      console.log(`stock: ${describeMany(await measureManyClients(`ws://127.0.0.1:${server.port}`, shared, server.child.rss, { count }))}`)
    } finally {
      await server.child.stop()
      removeTempDir(dir)
    }
  }
  if (which !== 'stock') {
    const relay = await startRelay(2)
    try {
      const creator = makeDevice(`ws://127.0.0.1:${relay.port}/sync`, relay.tokens[1] as string, 'many-creator')
      await pushAll(creator, [shared])
      creator.engine.close()
      await sleep(500)
      const r = await measureManyClients(`ws://127.0.0.1:${relay.port}/yjs`, shared, relay.rss, { count, tokens: relay.tokens })
      console.log(`doum:  ${describeMany(r)}`)
    } finally {
      await relay.stop()
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const limit = setTimeout(() => {
    console.error('[many] stopped: over 240 s')
    process.exit(1)
  }, 240_000)
  limit.unref()
  standalone().then(() => process.exit(0), (err: unknown) => {
    console.error(`[many] failed: ${(err as Error).stack ?? String(err)}`)
    process.exit(1)
  })
}
