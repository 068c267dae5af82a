import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MsgType } from '../../../src/sync/protocol'
import type { RelayMessage } from '../../../src/sync/protocol'
import { Device, login, newDocName, testRelay, textOf, textUpdate, wsUrl } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay
let token: string

beforeAll(async () => {
  relay = await testRelay()
  token = await login(relay.url, 'dong.worker')
})
afterAll(() => relay.close())

function provider(name: string, doc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(`${wsUrl(relay.url)}/yjs`, name, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, // ws is API-compatible here
    params: { token },
    disableBc: true,
  })
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('stock y-websocket clients', () => {
  it('sync a document with a /sync device in both directions through the relay', async () => {
    const name = newDocName()
    const deviceDoc = new Y.Doc()
    const device = await Device.connect(relay.url, token, 0, 'tablet')
    await device.feed()
    await device.push([{ name, update: textUpdate('기기에서 쓴 글', deviceDoc) }])

    const doc = new Y.Doc()
    const p = provider(name, doc)
    await until(() => doc.getText('note').toString() === '기기에서 쓴 글')

    const before = device.messages.length
    doc.getText('note').insert(0, '[웹] ')
    const live = await device.waitFor<Extract<RelayMessage, { type: typeof MsgType.Live }>>((m) => m.type === MsgType.Live && m.name === name, before)
    Y.applyUpdate(deviceDoc, live.update)
    expect(deviceDoc.getText('note').toString()).toBe('[웹] 기기에서 쓴 글')

    // And a later device push reaches the stock client live.
    await device.push([{ name, update: textUpdate(' 끝', deviceDoc) }])
    await until(() => doc.getText('note').toString() === '[웹] 기기에서 쓴 글 끝')
    p.destroy()
    await device.close()
    expect(textOf([relay.storage.mergedState(name)!])).toBe('[웹] 기기에서 쓴 글 끝')
  })

  it('two stock clients converge and reconnecting stores nothing redundant', async () => {
    const name = newDocName()
    const a = new Y.Doc()
    const b = new Y.Doc()
    const pa = provider(name, a)
    a.getText('note').insert(0, '가나다')
    a.getText('note').delete(0, 1)
    const pb = provider(name, b)
    await until(() => b.getText('note').toString() === '나다')
    b.getText('note').insert(2, '라')
    await until(() => a.getText('note').toString() === '나다라')
    pa.destroy()
    pb.destroy()
    const logLength = relay.storage.updatesSince(name, 0).length
    const c = new Y.Doc()
    Y.applyUpdate(c, Y.encodeStateAsUpdate(a))
    const pc = provider(name, c)
    await until(() => pc.synced)
    await new Promise((r) => setTimeout(r, 200))
    pc.destroy()
    expect(relay.storage.updatesSince(name, 0).length).toBe(logLength)
  })
})
