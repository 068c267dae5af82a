// A stock y-websocket client on /yjs/<name> and a device engine on /sync see each other's edits.
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { startTestRelay, type TestRelay } from '../../support/relay'
import { makeDevice, settled, type TestDevice } from '../../support/syncDevice'
import { login } from '../../support/users'
import { waitFor } from '../../support/wait'

let relay: TestRelay | null = null
let device: TestDevice | null = null
let provider: WebsocketProvider | null = null
afterEach(async () => {
  provider?.destroy()
  device?.engine.close()
  await relay?.dispose()
})

describe('interop with a stock y-websocket client', () => {
  it('syncs one case both ways between the device engine and WebsocketProvider', async () => {
    relay = await startTestRelay()
    const { token } = await login(relay.httpUrl, 'dong.worker')
    device = makeDevice(relay.syncUrl, token)
    const name = `case/${crypto.randomUUID()}`
    device.store.edit(name, (doc) => {
      doc.getMap('household').set('address', '서울 서대문구 연세로 50')
      doc.getText('note').insert(0, '기기에서 작성.')
    })
    device.engine.start()
    await settled(device, 'device')

    const stockDoc = new Y.Doc()
    provider = new WebsocketProvider(relay.yjsUrl, name, stockDoc, {
      // ws's class is a drop-in for the DOM WebSocket here (the provider only uses the standard API).
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token },
      disableBc: true,
    })
    await waitFor(() => stockDoc.getText('note').toString() === '기기에서 작성.', 'stock client received the device edit')
    expect(stockDoc.getMap('household').get('address')).toBe('서울 서대문구 연세로 50')

    stockDoc.getText('note').insert(stockDoc.getText('note').length, ' 표준 클라이언트에서 추가.')
    stockDoc.getMap('household').set('phone', '010-5555-6666')
    await waitFor(() => device!.store.doc(name).getMap('household').get('phone') === '010-5555-6666', 'device received the stock edit')

    device.store.edit(name, (doc) => doc.getText('note').insert(0, '[확인] '))
    await waitFor(() => stockDoc.getText('note').toString() === device!.store.doc(name).getText('note').toString(), 'both texts equal')
    expect(stockDoc.getText('note').toString()).toBe('[확인] 기기에서 작성. 표준 클라이언트에서 추가.')
    expect(Y.encodeStateVector(stockDoc)).toEqual(Y.encodeStateVector(device.store.doc(name)))
  })
})
