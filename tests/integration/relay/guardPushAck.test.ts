// What the relay acknowledges (issue 8, mutation survivors in sync-server/core.ts): each pushed item
// gets its own answer, only stored items are ok, a stored item is audited and fanned out, and a
// referral never tells the owning team's devices to drop the case.
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ErrorCode, MAX_UPDATE_BYTES, MsgType } from '../../../src/sync/protocol'
import type { RelayMessage } from '../../../src/sync/protocol'
import { Device, login, newDocName, testRelay, textOf, textUpdate } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay
const tokens: Record<string, string> = {}

beforeAll(async () => {
  relay = await testRelay()
  for (const u of ['dong.worker', 'dong.supervisor', 'hope.worker']) tokens[u] = await login(relay.url, u)
})
afterAll(() => relay.close())

describe('acknowledgement per item', () => {
  it('refuses a too-large, a corrupt and an empty-but-new item precisely, and stores only the good one', async () => {
    const d = await Device.connect(relay.url, tokens['dong.worker']!, 0, 'ack-a')
    await d.feed()
    const [big, bad, good, empty] = [newDocName(), newDocName(), newDocName(), newDocName()]
    const head = relay.storage.headSeq()
    const results = await d.push([
      { name: big, update: new Uint8Array(MAX_UPDATE_BYTES + 1) },
      { name: bad, update: new Uint8Array([1, 2, 3, 250, 251]) },
      { name: good, update: textUpdate('저장될 기록') },
      { name: empty, update: Y.encodeStateAsUpdate(new Y.Doc()) },
    ])
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual([ErrorCode.TooLarge, ErrorCode.BadUpdate, 'ok', 'ok'])
    expect(results.map((r) => r.localId)).toEqual([1, 2, 3, 4])
    expect(results[2]).toMatchObject({ ok: true, seq: head + 1 })
    // An update that changes nothing is answered with the head it was checked against; nothing is written.
    expect(results[3]).toMatchObject({ ok: true, seq: head })
    expect(relay.storage.headSeq()).toBe(head + 1)
    for (const name of [big, bad, empty]) expect(relay.storage.docAccess(name)).toBeNull()
    expect(textOf([relay.storage.mergedState(good)!])).toBe('저장될 기록')
    expect(relay.storage.auditFor(good).map((a) => a.action)).toContain('write')
    await d.close()
  })

  it('a stored update reaches the team\'s other live devices, not the one that sent it', async () => {
    const writer = await Device.connect(relay.url, tokens['dong.worker']!, 0, 'ack-writer')
    const other = await Device.connect(relay.url, tokens['dong.supervisor']!, 0, 'ack-other')
    const stranger = await Device.connect(relay.url, tokens['hope.worker']!, 0, 'ack-stranger')
    await Promise.all([writer.feed(), other.feed(), stranger.feed()])
    const name = newDocName()
    const [r] = await writer.push([{ name, update: textUpdate('실시간') }])
    expect(r?.ok).toBe(true)
    const live = await other.waitFor<Extract<RelayMessage, { type: typeof MsgType.Live }>>((m) => m.type === MsgType.Live && m.name === name)
    expect(textOf([live.update])).toBe('실시간')
    expect(live.seq).toBe(r?.ok ? r.seq : -1)
    await new Promise((res) => setTimeout(res, 200))
    expect(writer.messages.some((m) => m.type === MsgType.Live && m.name === name)).toBe(false)
    expect(stranger.messages.some((m) => m.type === MsgType.Live && m.name === name)).toBe(false)
    await Promise.all([writer.close(), other.close(), stranger.close()])
  })
})

describe('live effects of a referral', () => {
  it('a share sends the case to the new team\'s live devices and never revokes it from the owning team', async () => {
    const owner = await Device.connect(relay.url, tokens['dong.worker']!, 0, 'ref-owner')
    await owner.feed()
    const name = newDocName()
    expect((await owner.push([{ name, update: textUpdate('의뢰할 사례') }]))[0]?.ok).toBe(true)
    const hope = await Device.connect(relay.url, tokens['hope.worker']!, 0, 'ref-hope')
    await hope.feed()
    const res = await fetch(`${relay.url}/api/share`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens['dong.worker']}` },
      body: JSON.stringify({ name, team: 'hope-center' }),
    })
    expect(res.status).toBe(200)
    const live = await hope.waitFor<Extract<RelayMessage, { type: typeof MsgType.Live }>>((m) => m.type === MsgType.Live && m.name === name)
    expect(textOf([live.update])).toBe('의뢰할 사례')
    await new Promise((r) => setTimeout(r, 200))
    expect(owner.messages.some((m) => m.type === MsgType.Revoked && m.names.includes(name))).toBe(false)
    expect(owner.closeCode).toBeNull()
    await Promise.all([owner.close(), hope.close()])
  })
})
