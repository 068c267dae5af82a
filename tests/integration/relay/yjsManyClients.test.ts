// Issue 8: many stock y-websocket clients on one document. Every edit must reach every client quickly,
// awareness must not be amplified by the clients' echoes, a client leaving must not clear the others'
// presence, and live deliveries are recorded once per receiver rather than once per socket.
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login, newDocName, testRelay, wsUrl } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay
let tokens: string[]

beforeAll(async () => {
  relay = await testRelay()
  tokens = [await login(relay.url, 'dong.worker'), await login(relay.url, 'dong.supervisor')]
})
afterAll(() => relay.close())

function provider(name: string, doc: Y.Doc, token: string): WebsocketProvider {
  return new WebsocketProvider(`${wsUrl(relay.url)}/yjs`, name, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, // ws is API-compatible here
    params: { token },
    disableBc: true,
  })
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('many stock clients on one document', () => {
  it('100 clients: every edit reaches all of them, awareness is passed on once, deliveries are recorded per receiver', async () => {
    const N = 100
    const name = newDocName()
    const docs: Y.Doc[] = []
    const providers: WebsocketProvider[] = []
    process.setMaxListeners(Math.max(process.getMaxListeners(), N + 50))
    // Count the awareness frames the relay sends (message type 1), to catch echo amplification.
    let awarenessFrames = 0
    try {
      for (let i = 0; i < N; i++) {
        const doc = new Y.Doc()
        const p = provider(name, doc, tokens[i % 2] as string)
        p.on('status', ({ status }: { status: string }) => {
          if (status !== 'connected') return
          p.ws?.addEventListener('message', (ev: { data: unknown }) => {
            const data = new Uint8Array(ev.data as ArrayBuffer)
            if (data[0] === 1) awarenessFrames++
          })
        })
        docs.push(doc)
        providers.push(p)
      }
      await until(() => providers.every((p) => p.synced), 15_000)
      // Every client's presence (its name: y-protocols passes on no state at clock 0) reaches every other client.
      providers.forEach((p, i) => p.awareness.setLocalStateField('user', { name: `참여자 ${i}` }))
      await until(() => providers.every((p) => p.awareness.getStates().size === N), 10_000)
      // Stock clients echo the states they learn; passed on unfiltered that is O(N²) frames per join.
      // Filtered, each client receives about one frame per other client (plus its join snapshot).
      expect(awarenessFrames).toBeLessThan(4 * N * N)

      for (let e = 0; e < 5; e++) {
        const editor = (e * 37) % N
        const value = `편집 ${e}`
        const t0 = Date.now()
        ;(docs[editor] as Y.Doc).getMap('household').set('note', value)
        await until(() => docs.every((d) => d.getMap('household').get('note') === value), 5_000)
        expect(Date.now() - t0).toBeLessThan(5_000)
      }

      // Deliveries: one 'live' row per receiving account for each edit, not one per socket.
      const live = relay.storage.queryAudit({ doc: name }).filter((r) => r.action === 'live')
      expect(live.length).toBeLessThanOrEqual(5 * 2)
      expect(live.length).toBeGreaterThanOrEqual(5)
      const counted = live.reduce((n, r) => n + Number(/deliveries=(\d+)/.exec(r.detail)?.[1] ?? 1), 0)
      expect(counted).toBe(5 * (N - 1))

      // One client leaving clears only its own presence.
      const leaving = providers[N - 1] as WebsocketProvider
      const leavingId = (docs[N - 1] as Y.Doc).clientID
      leaving.destroy()
      await until(() => !(providers[0] as WebsocketProvider).awareness.getStates().has(leavingId), 5_000)
      await new Promise((r) => setTimeout(r, 200))
      for (const p of providers.slice(0, N - 1)) expect(p.awareness.getStates().size).toBe(N - 1)
    } finally {
      for (const p of providers) p.destroy()
      for (const d of docs) d.destroy()
    }
  }, 60_000)
})
