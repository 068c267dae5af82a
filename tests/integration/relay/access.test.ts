import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ErrorCode, MsgType } from '../../../src/sync/protocol'
import { Device, login, newDocName, openYjs, testRelay, textOf, textUpdate } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay
let hopeDoc: string
const tokens: Record<string, string> = {}

beforeAll(async () => {
  relay = await testRelay()
  for (const u of ['hope.worker', 'dong.worker', 'dong.volunteer', 'hope.volunteer', 'admin']) tokens[u] = await login(relay.url, u)
  hopeDoc = newDocName()
  const hope = await Device.connect(relay.url, tokens['hope.worker']!)
  const [r] = await hope.push([{ name: hopeDoc, update: textUpdate('희망 팀 기록') }])
  expect(r).toMatchObject({ ok: true })
  await hope.close()
})
afterAll(() => relay.close())

describe('team boundaries', () => {
  it('a worker of another team cannot write the document over /sync (Ack refusal) nor see it in the feed', async () => {
    const d = await Device.connect(relay.url, tokens['dong.worker']!)
    const feed = await d.feed()
    expect(feed.items.map((i) => i.name)).not.toContain(hopeDoc)
    expect(feed.items.length).toBeGreaterThan(0) // the demo cases of the worker's own team
    const [r] = await d.push([{ name: hopeDoc, update: textUpdate('침입') }])
    expect(r).toMatchObject({ ok: false, code: ErrorCode.Forbidden })
    const before = d.messages.length
    d.send({ type: MsgType.SvSync, requestId: 7, items: [{ name: hopeDoc, sv: new Uint8Array([0]) }] })
    const diff = await d.waitFor<Extract<typeof d.messages[number], { type: typeof MsgType.Diff }>>((m) => m.type === MsgType.Diff, before)
    expect(diff.items).toEqual([])
    await d.close()
    expect(textOf([relay.storage.mergedState(hopeDoc)!])).toBe('희망 팀 기록')
  })

  it('a worker of another team is refused the document over /yjs with HTTP 403', async () => {
    expect((await openYjs(relay.url, hopeDoc, tokens['dong.worker']!)).status).toBe(403)
    const own = await openYjs(relay.url, hopeDoc, tokens['hope.worker']!)
    expect(own.status).toBe(101)
    own.ws?.close()
  })

  it('the refusal is in the access records', () => {
    expect(relay.storage.auditFor(hopeDoc).some((a) => a.action === 'refused')).toBe(true)
  })
})

describe('volunteers and admins', () => {
  it('a volunteer is refused every case file over /sync, even of their own team or a new one', async () => {
    const d = await Device.connect(relay.url, tokens['hope.volunteer']!)
    const feed = await d.feed()
    expect(feed.items.filter((i) => i.name.startsWith('case/'))).toEqual([])
    const results = await d.push([
      { name: hopeDoc, update: textUpdate('x') },
      { name: newDocName(), update: textUpdate('y') },
    ])
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual([ErrorCode.Forbidden, ErrorCode.Forbidden])
    await d.close()
  })

  it('a volunteer is refused every case file over /yjs', async () => {
    expect((await openYjs(relay.url, hopeDoc, tokens['hope.volunteer']!)).status).toBe(403)
    expect((await openYjs(relay.url, newDocName(), tokens['dong.volunteer']!)).status).toBe(403)
  })

  it('an admin has no case access by default', async () => {
    expect((await openYjs(relay.url, hopeDoc, tokens.admin!)).status).toBe(403)
    const d = await Device.connect(relay.url, tokens.admin!)
    expect((await d.feed()).items).toEqual([])
    await d.close()
  })

  it('a worker sees their own team demo case files as real Yjs docs', async () => {
    const d = await Device.connect(relay.url, tokens['hope.worker']!)
    const feed = await d.feed()
    const demo = feed.items.find((i) => i.name !== hopeDoc)!
    const doc = new Y.Doc()
    Y.applyUpdate(doc, demo.update)
    expect(doc.getMap('meta').get('teamId')).toBe('hope-center')
    expect(doc.getMap('intake').get('presentingProblem')).toBeInstanceOf(Y.Text)
    await d.close()
  })
})
