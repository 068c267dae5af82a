// The engine with a store that takes feed pages pipelined (SyncStore.applyFeedPage): page k+1 is handed
// over while page k is written, the engine's cursor and progress move only once a page is durable,
// every other message waits for the pages before it, and a failed page breaks the session.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MsgType, PROTOCOL_VERSION, type Message } from '../../../src/sync/protocol'
import { PipelinedMemoryDevice } from '../../support/memoryDevice'
import { type ScriptedPeer } from '../../support/scriptedRelay'
import { SCRIPTED_USER, useScriptedEngine } from '../../support/scriptedEngine'
import { sleep, waitFor } from '../../support/wait'

const DOC = (n: number) => `case/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const USER = SCRIPTED_USER

const setup = useScriptedEngine()

function page(n: number, cursor: number): Extract<Message, { type: typeof MsgType.Docs }> {
  const d = new Y.Doc()
  d.getMap('m').set('n', n)
  return { type: MsgType.Docs, items: [{ name: DOC(n), update: Y.encodeStateAsUpdate(d) }], cursor }
}

async function hello(peer: ScriptedPeer): Promise<Extract<Message, { type: typeof MsgType.Hello }>> {
  const m = await peer.next()
  expect(m.type).toBe(MsgType.Hello)
  return m as Extract<Message, { type: typeof MsgType.Hello }>
}

describe('sync engine with pipelined feed pages', () => {
  it('hands the next page over before the last is stored; progress, cursor and FeedDone wait for the writes', async () => {
    const device = new PipelinedMemoryDevice()
    device.manual = true
    const { relay, engine } = await setup(device)
    engine.start()
    const peer = await relay.connection(0)
    await hello(peer)
    peer.send({ type: MsgType.Welcome, protocolVersion: PROTOCOL_VERSION, user: USER, headSeq: 12, feedTotal: 3 })
    peer.send(page(1, 5))
    peer.send(page(2, 9))
    peer.send(page(3, 11))
    peer.send({ type: MsgType.FeedDone, cursor: 12 })
    await waitFor(() => device.staged().length === 3, 'all three pages handed over')
    await sleep(50)
    expect(device.log).toEqual(['stage:5', 'stage:9', 'stage:11']) // nothing durable yet, FeedDone waits
    expect(engine.status.get()).toMatchObject({ state: 'syncing', done: 0 })

    device.commit(5)
    await waitFor(() => engine.status.get().done === 1, 'page one counted')
    expect(device.cursor).toBe(5)
    device.commit(11) // written only after page two
    await sleep(50)
    expect(device.cursor).toBe(5)
    expect(engine.status.get().done).toBe(1)
    device.commit(9)
    await waitFor(() => engine.status.get().state === 'upToDate', 'upToDate')
    expect(device.log).toEqual(['stage:5', 'stage:9', 'stage:11', 'stored:5', 'stored:9', 'stored:11', 'cursor:12', 'mark:0/12'])
    expect(engine.status.get()).toMatchObject({ done: 3, total: 3 })
  })

  it('a page that fails breaks the session: no later page is stored or counted, and the next session resumes from the stored cursor', async () => {
    const device = new PipelinedMemoryDevice()
    device.manual = true
    const { relay, engine } = await setup(device)
    const states: string[] = []
    engine.status.subscribe((st) => states.push(st.state))
    engine.start()
    const peer = await relay.connection(0)
    await hello(peer)
    peer.send({ type: MsgType.Welcome, protocolVersion: PROTOCOL_VERSION, user: USER, headSeq: 30, feedTotal: 3 })
    peer.send(page(1, 10))
    peer.send(page(2, 20))
    await waitFor(() => device.staged().length === 2, 'two pages handed over')
    device.commit(10)
    await waitFor(() => device.cursor === 10, 'page one stored')
    // Queued behind page two: a live update (it waits for the pages before it), page three, FeedDone.
    const live = new Y.Doc()
    live.getMap('m').set('live', 1)
    peer.send({ type: MsgType.Live, name: DOC(2), update: Y.encodeStateAsUpdate(live), seq: 31 })
    peer.send(page(3, 30))
    peer.send({ type: MsgType.FeedDone, cursor: 30 })
    await sleep(50)
    device.failPage(20)
    await waitFor(() => states.includes('error'), 'the session failed')
    device.commit(30)
    await sleep(50)
    expect(device.cursor).toBe(10)
    expect(device.staged()).toEqual([10, 20]) // nothing after the failed page is applied
    expect(device.log.filter((l) => !l.startsWith('stage:'))).toEqual(['stored:10'])
    expect(device.docs.has(DOC(3))).toBe(false)
    expect(engine.status.get().done).toBe(1)

    // Reconnects and asks for everything after the last durable page.
    const next = await relay.connection(1)
    expect((await hello(next)).cursor).toBe(10)
    device.manual = false
    next.send({ type: MsgType.Welcome, protocolVersion: PROTOCOL_VERSION, user: USER, headSeq: 30, feedTotal: 2 })
    next.send(page(2, 20))
    next.send(page(3, 30))
    next.send({ type: MsgType.FeedDone, cursor: 30 })
    await waitFor(() => engine.status.get().state === 'upToDate', 'upToDate')
    expect(device.cursor).toBe(30)
    for (const n of [1, 2, 3]) expect(device.doc(DOC(n)).getMap('m').get('n')).toBe(n)
  })

  it('the store refuses a page whose predecessor failed even when it was handed over first', async () => {
    const device = new PipelinedMemoryDevice()
    device.manual = true
    const { relay, engine } = await setup(device)
    const states: string[] = []
    engine.status.subscribe((st) => states.push(st.state))
    engine.start()
    const peer = await relay.connection(0)
    await hello(peer)
    peer.send({ type: MsgType.Welcome, protocolVersion: PROTOCOL_VERSION, user: USER, headSeq: 20, feedTotal: 2 })
    peer.send(page(1, 10))
    peer.send(page(2, 20))
    await waitFor(() => device.staged().length === 2, 'both handed over')
    device.commit(20) // page two's write is ready first…
    device.failPage(10) // …but page one fails: page two must not be stored, nor its cursor
    await waitFor(() => states.includes('error'), 'the session failed')
    await sleep(50)
    expect(device.cursor).toBe(0)
    expect(device.docs.size).toBe(0)
  })

  it('a live update and a Wipe wait for the pages before them', async () => {
    const device = new PipelinedMemoryDevice()
    device.manual = true
    const calls: string[] = []
    const { relay, engine } = await setup(device, { onWipe: () => calls.push(`wipe after ${device.cursor}`) })
    engine.start()
    const peer = await relay.connection(0)
    await hello(peer)
    peer.send({ type: MsgType.Welcome, protocolVersion: PROTOCOL_VERSION, user: USER, headSeq: 10, feedTotal: 1 })
    peer.send(page(1, 10))
    const live = new Y.Doc()
    live.getMap('m').set('live', 1)
    peer.send({ type: MsgType.Live, name: DOC(1), update: Y.encodeStateAsUpdate(live), seq: 11 })
    await waitFor(() => device.staged().length === 1, 'page handed over')
    await sleep(50)
    expect(device.log).toEqual(['stage:10']) // the live update waits for the page
    device.commit(10)
    await waitFor(() => device.log.includes('apply:1'), 'live applied')
    expect(device.log).toEqual(['stage:10', 'stored:10', 'apply:1'])

    peer.send(page(2, 12))
    await waitFor(() => device.staged().length === 2, 'second page handed over')
    peer.send({ type: MsgType.Wipe })
    await waitFor(() => engine.status.get().state === 'loginRequired', 'loginRequired')
    await sleep(50)
    expect(calls).toEqual([])
    device.commit(12)
    await waitFor(() => calls.length === 1, 'wiped')
    expect(calls).toEqual(['wipe after 12'])
  })
})
