// How the engine settles an Ack (issue 8): only an explicit ok acknowledges a row; a row the Ack omits
// or the relay failed to store (`server`) stays pending and is pushed again; only a refusal marks it.
import { describe, expect, it } from 'vitest'
import type { SyncEngine } from '../../../src/sync/engine'
import { ErrorCode, MsgType, PROTOCOL_VERSION, type Message } from '../../../src/sync/protocol'
import { MemoryDevice } from '../../support/memoryDevice'
import { type ScriptedPeer } from '../../support/scriptedRelay'
import { SCRIPTED_USER, useScriptedEngine } from '../../support/scriptedEngine'
import { sleep, waitFor } from '../../support/wait'

const DOC1 = 'case/00000000-0000-4000-8000-0000000000a1'
const DOC2 = 'case/00000000-0000-4000-8000-0000000000a2'
const DOC3 = 'case/00000000-0000-4000-8000-0000000000a3'
const USER = SCRIPTED_USER

const setup = useScriptedEngine()
let engine: SyncEngine | null = null

async function connected(device: MemoryDevice, retryMs = 150): Promise<ScriptedPeer> {
  const started = await setup(device, { getToken: () => 't', retryMs })
  const relay = started.relay
  engine = started.engine
  engine.start()
  const peer = await relay.connection(0)
  expect((await peer.next()).type).toBe(MsgType.Hello)
  peer.send({ type: MsgType.Welcome, protocolVersion: PROTOCOL_VERSION, user: USER, headSeq: 0, feedTotal: 0 })
  peer.send({ type: MsgType.FeedDone, cursor: 0 })
  return peer
}

async function nextPush(peer: ScriptedPeer, timeoutMs = 3000): Promise<Extract<Message, { type: typeof MsgType.Push }>> {
  for (;;) {
    const m = await peer.next(timeoutMs)
    if (m.type === MsgType.Push) return m
  }
}

describe('settling an Ack', () => {
  it('a row the Ack leaves out stays pending and goes out again; the answered ones settle', async () => {
    const device = new MemoryDevice()
    const a = device.edit(DOC1, (d) => d.getText('t').insert(0, '하나'))
    const b = device.edit(DOC2, (d) => d.getText('t').insert(0, '둘'))
    const c = device.edit(DOC3, (d) => d.getText('t').insert(0, '셋'))
    const peer = await connected(device)
    const push = await nextPush(peer)
    expect(push.items.map((i) => i.localId)).toEqual([a, b, c])
    peer.send({
      type: MsgType.Ack,
      batchId: push.batchId,
      results: [
        { localId: a, ok: true, seq: 4 },
        { localId: c, ok: false, code: ErrorCode.Forbidden, message: '권한 없음' },
      ],
    })
    const again = await nextPush(peer)
    expect(again.items.map((i) => i.localId)).toEqual([b])
    expect([device.rowState(a), device.rowState(b), device.rowState(c)]).toEqual(['acked', 'pending', 'rejected'])
    peer.send({ type: MsgType.Ack, batchId: again.batchId, results: [{ localId: b, ok: true, seq: 5 }] })
    await waitFor(() => device.rowState(b) === 'acked', 'b acked')
    expect(device.pendingCount()).toBe(0)
  })

  it('an Ack with no results (or for another batch) acknowledges nothing', async () => {
    const device = new MemoryDevice()
    const a = device.edit(DOC1, (d) => d.getText('t').insert(0, '하나'))
    const peer = await connected(device)
    const push = await nextPush(peer)
    peer.send({ type: MsgType.Ack, batchId: push.batchId + 100, results: [{ localId: a, ok: true, seq: 9 }] })
    peer.send({ type: MsgType.Ack, batchId: push.batchId, results: [] })
    const again = await nextPush(peer)
    expect(again.items.map((i) => i.localId)).toEqual([a])
    expect(device.rowState(a)).toBe('pending')
    expect(engineRejected()).toBe(0)
  })

  it('a `server` answer (the relay could not store it) keeps the row pending, not refused, and retries it later', async () => {
    const device = new MemoryDevice()
    const a = device.edit(DOC1, (d) => d.getText('t').insert(0, '하나'))
    const peer = await connected(device, 200)
    const push = await nextPush(peer)
    const sentAt = Date.now()
    peer.send({ type: MsgType.Ack, batchId: push.batchId, results: [{ localId: a, ok: false, code: ErrorCode.Server, message: '서버에서 저장하지 못했습니다.' }] })
    await sleep(50)
    expect(device.rowState(a)).toBe('pending')
    expect(engineRejected()).toBe(0)
    const again = await nextPush(peer)
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(150) // not re-sent in a tight loop
    expect(again.items.map((i) => i.localId)).toEqual([a])
    peer.send({ type: MsgType.Ack, batchId: again.batchId, results: [{ localId: a, ok: true, seq: 3 }] })
    await waitFor(() => device.rowState(a) === 'acked', 'acked on retry')
  })
})

function engineRejected(): number {
  return engine!.status.get().rejected
}
