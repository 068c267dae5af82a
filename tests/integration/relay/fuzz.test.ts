// Random and mutated frames on both endpoints of a relay on 127.0.0.1 (5,000 frames, bounded in time):
// random bytes, bit flips and truncations of valid frames, absurd counts, and valid frames naming another
// team's documents. Afterwards the relay still serves a device, and every document holds its content.
import { afterEach, describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import { MsgType, PROTOCOL_VERSION, encodeMessage } from '../../../src/sync/protocol'
import { seededRandom } from '../../support/random'
import { makeDevice, settled } from '../../support/syncDevice'
import { Device, login, newDocName, testRelay, textOf, textUpdate, wsUrl } from './helpers'

const FRAMES = 5000
const open: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()))
})

function opened(ws: WebSocket): Promise<boolean> {
  return new Promise((resolve) => {
    ws.once('open', () => resolve(true))
    ws.once('error', () => resolve(false))
    ws.once('unexpected-response', () => resolve(false))
  })
}

describe('fuzzing the relay', () => {
  it('survives 5,000 hostile frames on /sync and /yjs and keeps every document intact', async () => {
    const started = Date.now()
    const relay = await testRelay()
    open.push(relay)
    const owner = await login(relay.url, 'dong.worker')
    const intruder = await login(relay.url, 'hope.worker')
    const writer = await Device.connect(relay.url, owner)
    const docs = Array.from({ length: 5 }, (_, i) => ({ name: newDocName(), text: `사례 ${i}: 주거 지원 연계` }))
    for (const d of docs) expect((await writer.push([{ name: d.name, update: textUpdate(d.text) }]))[0]?.ok).toBe(true)
    await writer.close()

    const rnd = seededRandom(8)
    const int = (n: number) => Math.floor(rnd() * n)
    const valid = (): Uint8Array => {
      const pick = int(5)
      const target = docs[int(docs.length)]!.name
      if (pick === 0) return encodeMessage({ type: MsgType.Push, batchId: int(100), items: [{ localId: 1, name: target, update: textUpdate('침입') }] })
      if (pick === 1) return encodeMessage({ type: MsgType.SvSync, requestId: 1, items: [{ name: target, sv: new Uint8Array([0]) }] })
      if (pick === 2) return encodeMessage({ type: MsgType.Push, batchId: 1, items: [{ localId: 1, name: `case/../${target}`, update: textUpdate('x') }] })
      if (pick === 3) return encodeMessage({ type: MsgType.Viewed, items: [{ name: target, at: 1 }] })
      const e = encoding.createEncoder() // a Push claiming a billion items
      encoding.writeVarUint(e, MsgType.Push)
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint(e, 1_000_000_000)
      return encoding.toUint8Array(e)
    }
    const yjsValid = (): Uint8Array => {
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, int(4))
      encoding.writeVarUint(e, int(3))
      encoding.writeVarUint8Array(e, textUpdate('낯선 내용'))
      return encoding.toUint8Array(e)
    }
    const mutate = (frame: Uint8Array): Uint8Array => {
      const kind = int(4)
      if (kind === 0) return crypto.getRandomValues(new Uint8Array(1 + int(200)))
      if (kind === 1) return frame.slice(0, int(frame.length))
      if (kind === 2) {
        const out = frame.slice()
        for (let i = 0; i < 1 + int(4); i++) out[int(out.length)]! ^= 1 << int(8)
        return out
      }
      return frame
    }

    let sent = 0
    const hello = encodeMessage({ type: MsgType.Hello, protocolVersion: PROTOCOL_VERSION, token: intruder, deviceId: 'fuzz', cursor: 0 })
    const intruderDoc = newDocName()
    while (sent < FRAMES) {
      const yjs = sent % 2 === 1
      const ws = yjs
        ? new WebSocket(`${wsUrl(relay.url)}/yjs/${int(3) === 0 ? docs[0]!.name : intruderDoc}?token=${intruder}`)
        : new WebSocket(`${wsUrl(relay.url)}/sync`)
      ws.on('error', () => {})
      if (await opened(ws)) {
        if (!yjs && int(10) > 0) ws.send(hello)
        for (let i = 0; i < 25 && ws.readyState === WebSocket.OPEN; i++, sent++) ws.send(mutate(yjs ? yjsValid() : valid()))
        await new Promise((r) => setTimeout(r, 5))
      } else sent++
      ws.terminate()
    }
    expect(sent).toBeGreaterThanOrEqual(FRAMES)

    for (const d of docs) expect(textOf([relay.storage.mergedState(d.name)!])).toBe(d.text)
    const device = makeDevice(`${wsUrl(relay.url)}/sync`, owner)
    device.engine.start()
    try {
      await settled(device, 'device after the fuzz')
      for (const d of docs) expect(device.store.doc(d.name).getText('note').toString()).toBe(d.text)
    } finally {
      device.engine.close()
    }
    expect(Date.now() - started).toBeLessThan(20_000)
  }, 30_000)
})
