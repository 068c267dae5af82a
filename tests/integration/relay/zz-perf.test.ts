import { it } from 'vitest'
import * as Y from 'yjs'
import { Device, login, newDocName, testRelay } from './helpers'
it('perf', async () => {
  const relay = await testRelay()
  const token = await login(relay.url, 'dong.worker')
  const w = await Device.connect(relay.url, token, 0, 'w')
  const items = []
  let raw = 0
  for (let i = 0; i < 2000; i++) {
    const d = new Y.Doc()
    for (let v = 0; v < 10; v++) d.getMap('visits').set('v' + v, new Y.Text('방문 기록: 어르신 안부 확인, 식사 상태 양호, 난방 점검 필요. '.repeat(4) + i))
    const u = Y.encodeStateAsUpdate(d); raw += u.length
    items.push({ name: newDocName(), update: u })
  }
  let t = Date.now()
  for (let i = 0; i < 2000; i += 500) await w.push(items.slice(i, i + 500))
  console.log('push ms', Date.now() - t, 'raw bytes', raw)
  let bytes = 0
  t = Date.now()
  const r = await Device.connect(relay.url, token, 0, 'r')
  ;(r.ws as unknown as { _socket: { on: (e: string, f: (b: Buffer) => void) => void } })._socket.on('data', (b) => { bytes += b.length })
  const f = await r.feed()
  console.log('first sync ms', Date.now() - t, 'docs', f.items.length, 'wire bytes', bytes)
  // reconnect with 20 changed
  await w.push(items.slice(0, 20).map((it) => { const d = new Y.Doc(); Y.applyUpdate(d, it.update); const sv = Y.encodeStateVector(d); d.getMap('visits').set('new', '추가 방문'); return { name: it.name, update: Y.encodeStateAsUpdate(d, sv) } }))
  t = Date.now()
  const r2 = await Device.connect(relay.url, token, f.done, 'r')
  const f2 = await r2.feed()
  console.log('reconnect ms', Date.now() - t, 'docs', f2.items.length)
  await relay.close()
}, 120000)
