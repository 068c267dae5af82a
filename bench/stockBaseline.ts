// The stock path: one y-websocket WebsocketProvider (and so one WebSocket) per document, 50 at a
// time, against @y/websocket-server (bench/stockServer.ts). Done when every provider is `synced`.
import path from 'node:path'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { startIpcChild, type Child } from './child'
import type { DocState } from './data'
import { toWire } from './docFile'

export const STOCK_CONCURRENCY = 50
// Each provider adds a process 'exit' listener while it lives; 50 at a time is expected, not a leak.
process.setMaxListeners(STOCK_CONCURRENCY + 20)
const SYNC_TIMEOUT_MS = 30_000

/** Runs `fn` over `items` with at most `limit` in flight (a sliding window). */
export async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T
      await fn(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/** Connects one provider, waits for `synced`, then closes it (the device keeps the Y.Doc). */
function syncOne(url: string, name: string, doc: Y.Doc): Promise<void> {
  return new Promise((resolve, reject) => {
    const provider = new WebsocketProvider(url, name, doc, {
      // ws implements the browser WebSocket surface the provider uses.
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    const timer = setTimeout(() => {
      provider.destroy()
      reject(new Error(`stock: ${name} not synced in ${SYNC_TIMEOUT_MS} ms`))
    }, SYNC_TIMEOUT_MS)
    provider.on('sync', (synced: boolean) => {
      if (!synced) return
      clearTimeout(timer)
      provider.destroy()
      provider.awareness.destroy()
      resolve()
    })
  })
}

export interface StockDevice {
  docs: Map<string, Y.Doc>
}

export async function stockFirstSync(url: string, names: string[]): Promise<{ ms: number; device: StockDevice }> {
  const docs = new Map<string, Y.Doc>()
  for (const n of names) docs.set(n, new Y.Doc({ guid: n }))
  const t0 = performance.now()
  await pool(names, STOCK_CONCURRENCY, (n) => syncOne(url, n, docs.get(n) as Y.Doc))
  return { ms: performance.now() - t0, device: { docs } }
}

/** The device holds every document already; every provider reconnects and syncs again. */
export async function stockReconnect(url: string, device: StockDevice): Promise<number> {
  const t0 = performance.now()
  await pool([...device.docs.keys()], STOCK_CONCURRENCY, (n) => syncOne(url, n, device.docs.get(n) as Y.Doc))
  return performance.now() - t0
}

export async function startStockServer(docFile: string): Promise<{ child: Child; port: number }> {
  const { child, ready } = await startIpcChild(path.join(import.meta.dirname, 'stockServer.ts'), [docFile])
  return { child, port: Number(ready.port) }
}

export async function stockApplyEdits(server: Child, edits: DocState[]): Promise<void> {
  await server.request({ type: 'edit', items: toWire(edits) })
}
