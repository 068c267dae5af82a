import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ErrorCode, MsgType } from '../../../src/sync/protocol'
import type { RelayMessage } from '../../../src/sync/protocol'
import { Device, login, newDocName, openYjs, testRelay, textOf, textUpdate } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay
const tokens: Record<string, string> = {}

beforeAll(async () => {
  relay = await testRelay()
  for (const u of ['dong.worker', 'hope.worker', 'hope.volunteer']) tokens[u] = await login(relay.url, u)
})
afterAll(() => relay.close())

const api = (path: string, token: string, body: unknown) =>
  fetch(`${relay.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify(body) })

async function dongDoc(text: string): Promise<string> {
  const name = newDocName()
  const d = await Device.connect(relay.url, tokens['dong.worker']!, 0, 'dong-tablet')
  const [r] = await d.push([{ name, update: textUpdate(text) }])
  expect(r?.ok).toBe(true)
  await d.close()
  return name
}

/** The hope team device's cursor after a full sync. */
async function hopeCursor(): Promise<number> {
  const d = await Device.connect(relay.url, tokens['hope.worker']!, 0, 'hope-tablet')
  const { done } = await d.feed()
  await d.close()
  return done
}

describe('referral (share)', () => {
  it('an old document shared with another team reaches that team at its next sync, whole', async () => {
    const name = await dongDoc('초기상담 기록')
    const cursor = await hopeCursor()
    const res = await api('/api/share', tokens['dong.worker']!, { name, team: 'hope-center' })
    expect(res.status).toBe(200)
    const next = await Device.connect(relay.url, tokens['hope.worker']!, cursor, 'hope-tablet')
    const { items } = await next.feed()
    expect(items.map((i) => i.name)).toEqual([name])
    expect(textOf([items[0]!.update])).toBe('초기상담 기록')
    // Both teams can now write it.
    const [r] = await next.push([{ name, update: textUpdate(' 접수') }])
    expect(r?.ok).toBe(true)
    await next.close()
    expect((await openYjs(relay.url, name, tokens['dong.worker']!)).status).toBe(101)
    expect(relay.storage.accessHistory(name)).toMatchObject([{ kind: 'share', fromTeam: 'dong-sinchon', toTeam: 'hope-center' }])
  })

  it('only a worker or supervisor of the owning team may share or transfer', async () => {
    const name = await dongDoc('x')
    expect((await api('/api/share', tokens['hope.worker']!, { name, team: 'hope-center' })).status).toBe(403)
    expect((await api('/api/transfer', tokens['hope.volunteer']!, { name, team: 'hope-center' })).status).toBe(403)
    expect((await api('/api/share', tokens['dong.worker']!, { name: 'case/../x', team: 'hope-center' })).status).toBe(400)
    expect((await api('/api/share', tokens['dong.worker']!, { name, team: 'no-such-team' })).status).toBe(400)
    expect(relay.storage.accessHistory(name)).toEqual([])
  })
})

describe('transfer', () => {
  it('moves ownership: the new team receives it, the old team gets Revoked and is refused', async () => {
    const name = await dongDoc('이관할 사례')
    const oldDevice = await Device.connect(relay.url, tokens['dong.worker']!, 0, 'dong-tablet')
    const { done: dongCursor } = await oldDevice.feed()
    const hopeLive = await Device.connect(relay.url, tokens['hope.worker']!, 0, 'hope-live')
    await hopeLive.feed()

    const res = await api('/api/transfer', tokens['dong.worker']!, { name, team: 'hope-center' })
    expect(res.status).toBe(200)
    // Connected devices hear it at once: Revoked for the old team, the whole doc for the new one.
    await oldDevice.waitFor((m) => m.type === MsgType.Revoked && m.names.includes(name))
    const live = await hopeLive.waitFor<Extract<RelayMessage, { type: typeof MsgType.Live }>>((m) => m.type === MsgType.Live && m.name === name)
    expect(textOf([live.update])).toBe('이관할 사례')
    await Promise.all([oldDevice.close(), hopeLive.close()])

    // A device of the old team that was offline learns it at its next sync.
    const later = await Device.connect(relay.url, tokens['dong.worker']!, dongCursor, 'dong-other')
    await later.waitFor((m) => m.type === MsgType.Revoked && m.names.includes(name))
    expect((await later.feed()).items.map((i) => i.name)).not.toContain(name)
    const [r] = await later.push([{ name, update: textUpdate('!') }])
    expect(r).toMatchObject({ ok: false, code: ErrorCode.Forbidden })
    await later.close()
    expect((await openYjs(relay.url, name, tokens['dong.worker']!)).status).toBe(403)
    expect(relay.storage.accessHistory(name)).toMatchObject([{ kind: 'transfer', fromTeam: 'dong-sinchon', toTeam: 'hope-center' }])
  })
})
