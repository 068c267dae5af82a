// Our path: the relay (sync-server/main.ts in its own process, temp DATA_DIR, real SQLite) and the
// real device engine (src/sync/engine.ts) over one WebSocket, with the in-memory MemoryStore.
import { spawn } from 'node:child_process'
import path from 'node:path'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { createSyncEngine, type SyncEngine } from '../src/sync/engine'
import type { SyncState } from '../src/sync/status'
import type { WebSocketConstructor } from '../src/sync/transport'
import { makeTempDir, removeTempDir, ROOT, rssOf, spawnTs, stopProcess } from './child'
import type { DocState } from './data'
import { MemoryStore } from './memoryStore'
import { freePort } from '../tests/support/freePort'

export const BENCH_TEAM = 'bench-team'
// Synthetic credentials for the throwaway benchmark database only.
const BENCH_PASSWORD = 'bench-pass-2026'

export interface Relay {
  port: number
  pid: number
  tokens: string[]
  rss(): number
  stop(): Promise<void>
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'ignore', 'pipe'] })
    p.stdin.end(input)
    let err = ''
    p.stderr.on('data', (c: Buffer) => (err += c.toString()))
    p.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(script)} failed (${code}): ${err.slice(0, 400)}`))))
  })
}

async function waitHealthy(port: number, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error('relay did not become healthy')
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function login(port: number, username: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  })
  if (!res.ok) throw new Error(`login ${username}: HTTP ${res.status}`)
  const body = (await res.json()) as { token?: string; mustChangePassword?: boolean }
  if (!body.token) throw new Error('login answered without a token')
  if (body.mustChangePassword) {
    // add-user sets a temporary password; changing it frees this token for sync.
    const changed = await fetch(`http://127.0.0.1:${port}/api/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${body.token}` },
      body: JSON.stringify({ current: BENCH_PASSWORD, next: `${BENCH_PASSWORD}-changed` }),
    })
    if (!changed.ok) throw new Error(`password change ${username}: HTTP ${changed.status}`)
  }
  return body.token
}

/** A fresh relay process on a temp DATA_DIR with `users` workers of one team, each logged in. */
export async function startRelay(users = 2): Promise<Relay> {
  const dataDir = makeTempDir('doum-bench-relay-')
  const env = { DATA_DIR: dataDir, HOST: '127.0.0.1' }
  const names = Array.from({ length: users }, (_, i) => `bench.worker${i + 1}`)
  try {
    for (const u of names) {
      await run('sync-server/admin.ts', ['add-user', '--username', u, '--password-stdin', '--role', 'worker', '--team', BENCH_TEAM], env, `${BENCH_PASSWORD}\n`)
    }
  } catch (err) {
    removeTempDir(dataDir)
    throw err
  }
  const port = await freePort()
  const proc = spawnTs('sync-server/main.ts', { env: { ...env, PORT: String(port) }, quiet: true })
  const stop = async (): Promise<void> => {
    await stopProcess(proc)
    removeTempDir(dataDir)
  }
  try {
    await waitHealthy(port)
    const tokens: string[] = []
    for (const u of names) tokens.push(await login(port, u))
    return { port, pid: proc.pid ?? 0, tokens, rss: () => rssOf(proc.pid), stop }
  } catch (err) {
    await stop()
    throw err
  }
}

export interface Device {
  store: MemoryStore
  engine: SyncEngine
}

export function makeDevice(url: string, token: string, deviceId: string): Device {
  const store = new MemoryStore(deviceId)
  const engine = createSyncEngine({
    url,
    store,
    getToken: () => token,
    // ws's client class implements the browser WebSocket surface the engine uses.
    WebSocketImpl: WebSocket as unknown as WebSocketConstructor,
  })
  return { store, engine }
}

const FAILED: SyncState[] = ['error', 'loginRequired', 'updateRequired']

/** Starts the engine and resolves (with the wall time) when the feed has caught up: status upToDate. */
export function startAndWaitUpToDate(engine: SyncEngine, timeoutMs = 120_000): Promise<number> {
  return new Promise((resolve, reject) => {
    let sawConnect = false
    const timer = setTimeout(() => {
      off()
      reject(new Error(`not up to date in ${timeoutMs} ms (state ${engine.status.get().state})`))
    }, timeoutMs)
    const off = engine.status.subscribe((s) => {
      if (s.state === 'connecting' || s.state === 'syncing') sawConnect = true
      if (sawConnect && s.state === 'upToDate') {
        clearTimeout(timer)
        off()
        resolve(performance.now() - t0)
      } else if (FAILED.includes(s.state)) {
        clearTimeout(timer)
        off()
        reject(new Error(`engine ${s.state}: ${s.message ?? ''}`))
      }
    })
    const t0 = performance.now()
    engine.start()
  })
}

/** Waits until every queued local update is acknowledged (none refused). */
export async function waitAcked(store: MemoryStore, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (store.pendingCount() > 0) {
    if (store.rejected.length > 0) throw new Error(`relay refused updates: ${store.rejected[0]?.code}`)
    if (Date.now() > until) throw new Error(`${store.pendingCount()} updates not acknowledged`)
    await new Promise((r) => setTimeout(r, 10))
  }
  if (store.rejected.length > 0) throw new Error(`relay refused updates: ${store.rejected[0]?.code}`)
}

/** Pushes `items` from a device's outbox and waits for the relay's acknowledgement (not timed). */
export async function pushAll(device: Device, items: DocState[]): Promise<void> {
  device.store.addLocal(items)
  if (device.engine.status.get().state === 'offline') device.engine.start()
  else device.engine.syncNow()
  await waitAcked(device.store)
}

/** True when `state` (a whole document as one update) holds everything in `update`. */
export function holds(state: Uint8Array | Y.Doc | null | undefined, update: Uint8Array): boolean {
  if (!state) return false
  const sv = state instanceof Y.Doc ? Y.encodeStateVector(state) : Y.encodeStateVectorFromUpdate(state)
  const have = Y.decodeStateVector(sv)
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) {
    if ((have.get(client) ?? 0) < clock) return false
  }
  return true
}
