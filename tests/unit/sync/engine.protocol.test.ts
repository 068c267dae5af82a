// Protocol edge cases of the engine against a scripted relay on loopback (the main behaviour is
// tested against the real relay in tests/integration/sync).
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ErrorCode, MsgType, PROTOCOL_VERSION, type Message } from '../../../src/sync/protocol'
import type { SyncStatus } from '../../../src/sync/status'
import { MemoryDevice } from '../../support/memoryDevice'
import { type ScriptedPeer } from '../../support/scriptedRelay'
import { SCRIPTED_USER, useScriptedEngine } from '../../support/scriptedEngine'
import { sleep, waitFor } from '../../support/wait'

const DOC1 = 'case/00000000-0000-4000-8000-000000000001'
const DOC2 = 'case/00000000-0000-4000-8000-000000000002'
const USER = SCRIPTED_USER

const setup = useScriptedEngine()

function updateOf(fn: (d: Y.Doc) => void): Uint8Array {
  const d = new Y.Doc()
  fn(d)
  return Y.encodeStateAsUpdate(d)
}

async function expectType<T extends Message['type']>(peer: ScriptedPeer, type: T): Promise<Extract<Message, { type: T }>> {
  const m = await peer.next()
  expect(m.type).toBe(type)
  return m as Extract<Message, { type: T }>
}

describe('sync engine against a scripted relay', () => {
  it('says Hello with its version, token, device id and stored cursor', async () => {
    const device = new MemoryDevice('device-A')
    device.cursor = 41
    const { relay, engine } = await setup(device)
    engine.start()
    const peer = await relay.connection(0)
    const hello = await expectType(peer, MsgType.Hello)
    expect(hello).toEqual({ type: MsgType.Hello, protocolVersion: PROTOCOL_VERSION, token: 'token-1', deviceId: 'device-A', cursor: 41, relayEpoch: 0, seenSeq: 0 })
  })

  it('applies each page before committing its cursor, reports n of m, and ends up to date', async () => {
    const device = new MemoryDevice()
    const { relay, engine } = await setup(device, { now: () => Date.parse('2026-11-21T01:02:03Z') })
    const seen: SyncStatus[] = []
    engine.status.subscribe((s) => seen.push(s))
    engine.start()
    const peer = await relay.connection(0)
    await expectType(peer, MsgType.Hello)
    peer.send({ type: MsgType.Welcome, protocolVersion: PROTOCOL_VERSION, user: USER, headSeq: 12, feedTotal: 3 })
    peer.send({ type: MsgType.Docs, items: [{ name: DOC1, update: updateOf((d) => d.getMap('m').set('a', 1)) }, { name: DOC2, update: updateOf((d) => d.getMap('m').set('b', 2)) }], cursor: 5 })
    // A live update during the feed is applied but must not move the cursor.
    peer.send({ type: MsgType.Live, name: DOC1, update: updateOf((d) => d.getMap('m').set('live', 1)), seq: 50 })
    peer.send({ type: MsgType.Docs, items: [{ name: DOC2, update: updateOf((d) => d.getMap('m').set('c', 3)) }], cursor: 9 })
    peer.send({ type: MsgType.FeedDone, cursor: 12 })
    await waitFor(() => engine.status.get().state === 'upToDate', 'upToDate')
    expect(device.log).toEqual(['apply:2', 'cursor:5', 'apply:1', 'apply:1', 'cursor:9', 'cursor:12', 'mark:0/12'])
    expect(seen.some((s) => s.state === 'syncing' && s.done === 0 && s.total === 3)).toBe(true)
    expect(seen.some((s) => s.state === 'syncing' && s.done === 2 && s.total === 3)).toBe(true)
    expect(engine.status.get()).toMatchObject({ state: 'upToDate', done: 3, total: 3, lastSyncAt: '2026-11-21T01:02:03.000Z' })
    expect(device.doc(DOC1).getMap('m').toJSON()).toEqual({ a: 1, live: 1 })
    // After FeedDone a live update advances the cursor, and only upward.
    peer.send({ type: MsgType.Live, name: DOC2, update: updateOf((d) => d.getMap('m').set('d', 4)), seq: 20 })
    peer.send({ type: MsgType.Live, name: DOC2, update: updateOf((d) => d.getMap('m').set('e', 5)), seq: 15 })
    await waitFor(() => device.doc(DOC2).getMap('m').has('e'), 'second live applied')
    expect(device.cursor).toBe(20)
  })

  it('a version-1 relay whose database went below the device cursor: its cursors are stored and what it lacks re-sent', async () => {
    const device = new MemoryDevice()
    device.cursor = 500
    device.docs.set(DOC2, new Y.Doc())
    device.docs.get(DOC2)!.getMap('m').set('kept', 'on the device only') // acknowledged long ago, lost by the relay
    const { relay, engine } = await setup(device)
    engine.start()
    const peer = await relay.connection(0)
    await expectType(peer, MsgType.Hello)
    peer.send({ type: MsgType.Welcome, protocolVersion: 1, user: USER, headSeq: 10, feedTotal: 1 })
    peer.send({ type: MsgType.Docs, items: [{ name: DOC1, update: updateOf((d) => d.getMap('m').set('a', 1)) }], cursor: 4 })
    peer.send({ type: MsgType.FeedDone, cursor: 10 })
    const push = await expectType(peer, MsgType.Push)
    expect(push.items.map((i) => i.name)).toEqual([DOC2])
    await waitFor(() => engine.status.get().state === 'upToDate', 'upToDate')
    expect(device.log).toEqual(['apply:1', 'requeue:0', 'cursor:4', 'requeue:1', 'cursor:10', 'mark:0/10'])
    expect(device.cursor).toBe(10)
  })

  it('a resync keeps the old relay mark until the feed is done, then takes the new epoch', async () => {
    const device = new MemoryDevice()
    device.cursor = 30
    device.relayMark = { epoch: 111, seenSeq: 35 }
    const { relay, engine } = await setup(device)
    engine.start()
    const peer = await relay.connection(0)
    expect(await expectType(peer, MsgType.Hello)).toMatchObject({ cursor: 30, relayEpoch: 111, seenSeq: 35 })
    peer.send({ type: MsgType.Welcome, protocolVersion: PROTOCOL_VERSION, user: USER, headSeq: 40, feedTotal: 1, epoch: 222, resync: true })
    await waitFor(() => engine.status.get().resyncing === true, 'the resync is shown')
    peer.send({ type: MsgType.Docs, items: [{ name: DOC1, update: updateOf((d) => d.getMap('m').set('a', 1)) }], cursor: 40 })
    await waitFor(() => device.cursor === 40, 'page stored')
    expect(device.relayMark).toEqual({ epoch: 111, seenSeq: 35 }) // cut here, the next Hello still shows the old epoch
    peer.send({ type: MsgType.FeedDone, cursor: 40 })
    await waitFor(() => engine.status.get().state === 'upToDate', 'upToDate')
    expect(device.relayMark).toEqual({ epoch: 222, seenSeq: 40 })
    expect(engine.status.get().resyncing).toBe(false)
  })

  it('a version refusal shows updateRequired, keeps the outbox and stops reconnecting', async () => {
    const device = new MemoryDevice()
    device.edit(DOC1, (d) => d.getMap('m').set('x', 'offline work'))
    const { relay, engine } = await setup(device)
    engine.start()
    const peer = await relay.connection(0)
    await expectType(peer, MsgType.Hello)
    peer.send({ type: MsgType.Error, code: ErrorCode.Version, message: '업데이트 필요', fatal: true })
    peer.close()
    await waitFor(() => engine.status.get().state === 'updateRequired', 'updateRequired')
    await sleep(400) // several retry periods
    expect(relay.connectionCount()).toBe(1)
    expect(device.pendingCount()).toBe(1)
    expect(device.doc(DOC1).getMap('m').get('x')).toBe('offline work')
  })

  it('unauthorized keeps the outbox, asks for login once, and a fresh token flushes it', async () => {
    const device = new MemoryDevice()
    const localId = device.edit(DOC1, (d) => d.getText('note').insert(0, '방문 메모'))
    let token = 'expired'
    let loginAsked = 0
    const { relay, engine } = await setup(device, { getToken: () => token, onLoginRequired: () => loginAsked++ })
    engine.start()
    const first = await relay.connection(0)
    expect((await expectType(first, MsgType.Hello)).token).toBe('expired')
    first.send({ type: MsgType.Error, code: ErrorCode.Unauthorized, message: '로그인 필요', fatal: true })
    first.close()
    await waitFor(() => engine.status.get().state === 'loginRequired', 'loginRequired')
    await sleep(400)
    expect(relay.connectionCount()).toBe(1) // same token: no retry storm
    expect(loginAsked).toBe(1)
    expect(device.rowState(localId)).toBe('pending')
    token = 'fresh'
    const second = await relay.connection(1, 2000) // the periodic retry notices the new token
    expect((await expectType(second, MsgType.Hello)).token).toBe('fresh')
    second.send({ type: MsgType.Welcome, protocolVersion: PROTOCOL_VERSION, user: USER, headSeq: 0, feedTotal: 0 })
    const push = await expectType(second, MsgType.Push)
    expect(push.items.map((i) => i.localId)).toEqual([localId])
    second.send({ type: MsgType.Ack, batchId: push.batchId, results: [{ localId, ok: true, seq: 1 }] })
    await waitFor(() => device.rowState(localId) === 'acked', 'acked')
  })

  it('Wipe: onWipe once after the page being stored, loginRequired with the reason, no retry with that token', async () => {
    const device = new MemoryDevice()
    let token = 'revoked'
    const calls: string[] = []
    let slowApply: (() => void) | null = null
    const apply = device.applyRemote.bind(device)
    device.applyRemote = async (items) => {
      calls.push('apply')
      await new Promise<void>((resolve) => (slowApply = resolve))
      await apply(items)
    }
    const { relay, engine } = await setup(device, {
      getToken: () => token,
      onWipe: () => calls.push(`wipe:${device.docs.has(DOC1)}`),
      onLoginRequired: () => calls.push('login'),
    })
    engine.start()
    const peer = await relay.connection(0)
    await expectType(peer, MsgType.Hello)
    peer.send({ type: MsgType.Welcome, protocolVersion: PROTOCOL_VERSION, user: USER, headSeq: 3, feedTotal: 2 })
    peer.send({ type: MsgType.Docs, items: [{ name: DOC1, update: updateOf((d) => d.getMap('m').set('a', 1)) }], cursor: 2 })
    await waitFor(() => slowApply !== null, 'page being stored')
    peer.send({ type: MsgType.Wipe })
    peer.send({ type: MsgType.Docs, items: [{ name: DOC2, update: updateOf((d) => d.getMap('m').set('b', 2)) }], cursor: 3 })
    peer.send({ type: MsgType.Wipe })
    await waitFor(() => engine.status.get().state === 'loginRequired', 'loginRequired')
    expect(engine.status.get().message).toBe('관리자가 이 기기의 접근을 해지했습니다. 이 기기의 자료를 지웁니다.')
    expect(calls).toEqual(['apply']) // the wipe waits for the page already being stored
    slowApply!()
    await waitFor(() => calls.length === 2, 'wipe called')
    await sleep(400) // several retry periods
    expect(calls).toEqual(['apply', 'wipe:true']) // once; nothing after the Wipe was applied
    expect(device.docs.has(DOC2)).toBe(false)
    expect(relay.connectionCount()).toBe(1)
    token = 'after-new-login'
    const second = await relay.connection(1, 2000)
    expect((await expectType(second, MsgType.Hello)).token).toBe('after-new-login')
  })

  it('merges offline edits of one document into one pushed item; ack and refusal settle every row', async () => {
    const device = new MemoryDevice()
    const a1 = device.edit(DOC1, (d) => d.getMap('m').set('x', 1))
    const a2 = device.edit(DOC1, (d) => d.getText('t').insert(0, 'abc'))
    const b1 = device.edit(DOC2, (d) => d.getMap('m').set('y', 1))
    const { relay, engine } = await setup(device)
    engine.start()
    const peer = await relay.connection(0)
    await expectType(peer, MsgType.Hello)
    peer.send({ type: MsgType.Welcome, protocolVersion: PROTOCOL_VERSION, user: USER, headSeq: 0, feedTotal: 0 })
    const push = await expectType(peer, MsgType.Push)
    expect(push.items.map((i) => i.name)).toEqual([DOC1, DOC2])
    const merged = new Y.Doc()
    Y.applyUpdate(merged, push.items[0]!.update)
    expect(merged.getText('t').toString()).toBe('abc')
    expect(merged.getMap('m').get('x')).toBe(1)
    peer.send({
      type: MsgType.Ack,
      batchId: push.batchId,
      results: [
        { localId: push.items[0]!.localId, ok: true, seq: 7 },
        { localId: push.items[1]!.localId, ok: false, code: ErrorCode.Forbidden, message: '권한 없음' },
      ],
    })
    await waitFor(() => engine.status.get().rejected === 1, 'rejected counted')
    expect([device.rowState(a1), device.rowState(a2), device.rowState(b1)]).toEqual(['acked', 'acked', 'rejected'])
    // A new local change goes out without reconnecting; the refused row is not re-sent.
    const a3 = device.edit(DOC1, (d) => d.getMap('m').set('z', 2))
    const push2 = await expectType(peer, MsgType.Push)
    expect(push2.items.map((i) => i.localId)).toEqual([a3])
  })

  it('answers Ping, and drops a silent connection then reconnects', async () => {
    const device = new MemoryDevice()
    const { relay, engine } = await setup(device, { heartbeatMs: 60 })
    engine.start()
    const peer = await relay.connection(0)
    await expectType(peer, MsgType.Hello)
    peer.send({ type: MsgType.Ping, t: 123 })
    expect(await expectType(peer, MsgType.Pong)).toEqual({ type: MsgType.Pong, t: 123 })
    peer.send({ type: MsgType.Welcome, protocolVersion: PROTOCOL_VERSION, user: USER, headSeq: 0, feedTotal: 0 })
    // The device pings; this relay never answers, so the engine must give up on it.
    await expectType(peer, MsgType.Ping)
    await peer.closed
    const again = await relay.connection(1, 3000)
    await expectType(again, MsgType.Hello)
  })

  it('reconnects with backoff when the relay drops it, and a malformed frame is an error not a crash', async () => {
    const device = new MemoryDevice()
    const { relay, engine } = await setup(device)
    engine.start()
    const p0 = await relay.connection(0)
    await expectType(p0, MsgType.Hello)
    p0.close()
    const p1 = await relay.connection(1)
    await expectType(p1, MsgType.Hello)
    const states: string[] = []
    engine.status.subscribe((s) => states.push(s.state))
    p1.sendRaw(new Uint8Array([99, 1, 2])) // unknown message type
    const p2 = await relay.connection(2)
    await expectType(p2, MsgType.Hello)
    expect(states).toContain('error')
    engine.stop()
    await p2.closed
    expect(engine.status.get().state).toBe('offline')
  })
})
