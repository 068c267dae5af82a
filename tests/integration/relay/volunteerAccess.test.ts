// Volunteers on a real relay (issue 10, sync-server/volunteerAccess.ts): a volunteer gets the briefs assigned
// to them and their own reports, over /sync and /yjs alike, never a case file, another volunteer's brief
// or report, or the team's documents; every refusal is in the access records.
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Brief, CheckIn } from '../../../src/domain'
import { ErrorCode, MsgType } from '../../../src/sync/protocol'
import { briefDocName, reportDocName, writePlain } from '../../../src/store/volunteerDocs'
import { teamDocName } from '../../../src/store/teamDoc'
import { hashPassword } from '../../../sync-server/passwordHash'
import { Device, DEMO_PASSWORD, login, newDocName, openYjs, testRelay, textUpdate, wsUrl } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay
const tokens: Record<string, string> = {}
const ids: Record<string, string> = {}
let caseName: string

const update = (root: string, value: object, doc = new Y.Doc()): Uint8Array => {
  const sv = Y.encodeStateVector(doc)
  writePlain(doc, root, value)
  return Y.encodeStateAsUpdate(doc, sv)
}

function brief(volunteer: string, patch: Partial<Brief> = {}): Brief {
  return {
    id: crypto.randomUUID(), caseId: crypto.randomUUID(), teamId: 'dong-sinchon', volunteerId: ids[volunteer]!,
    assignedBy: ids['dong.worker']!, assignedAt: '2026-11-20T09:00:00+09:00', headName: '김가상', address: '서울 서대문구 가상로 1',
    phone: '01012345678', schedule: 'weekly', watchFor: '식사 여부', centerContact: '신촌동 주민센터 02-330-0000', ...patch,
  }
}

function checkIn(by: string, briefId: string, patch: Partial<CheckIn> = {}): CheckIn {
  return {
    id: crypto.randomUUID(), teamId: 'dong-sinchon', by: ids[by]!, byKind: 'neighbor', createdAt: '2026-11-21T10:00:00+09:00',
    kind: 'checkin', briefId, date: '2026-11-21', outcome: 'met', signs: ['mailPiling'], note: '우편물이 쌓여 있음', contactRequested: false, ...patch,
  }
}

beforeAll(async () => {
  relay = await testRelay()
  relay.storage.createUser({ id: crypto.randomUUID(), username: 'dong.volunteer2', role: 'volunteer', team: 'dong-sinchon', passwordHash: await hashPassword(DEMO_PASSWORD), createdAt: Date.now() })
  for (const u of ['dong.worker', 'dong.volunteer', 'dong.volunteer2', 'hope.volunteer', 'hope.worker']) {
    tokens[u] = await login(relay.url, u)
    ids[u] = relay.storage.userByName(u)!.id
  }
  caseName = newDocName()
  const w = await Device.connect(relay.url, tokens['dong.worker']!)
  expect((await w.push([{ name: caseName, update: textUpdate('사례') }]))[0]).toMatchObject({ ok: true })
  await w.close()
})
afterAll(() => relay.close())

describe('briefs', () => {
  it('reach only the assigned volunteer, read-only, over /sync and /yjs', async () => {
    const b = brief('dong.volunteer')
    const name = briefDocName(b.id)
    const worker = await Device.connect(relay.url, tokens['dong.worker']!)
    const mine = await Device.connect(relay.url, tokens['dong.volunteer']!)
    await mine.feed()
    const from = mine.messages.length
    expect((await worker.push([{ name, update: update('brief', b) }]))[0]).toMatchObject({ ok: true })
    // Live: the assigned volunteer's open session gets the brief at once.
    await mine.waitFor((m) => m.type === MsgType.Live && m.name === name, from)

    const other = await Device.connect(relay.url, tokens['dong.volunteer2']!)
    expect((await other.feed()).items.map((i) => i.name)).not.toContain(name)
    const fresh = await Device.connect(relay.url, tokens['dong.volunteer']!)
    const names = (await fresh.feed()).items.map((i) => i.name)
    expect(names).toContain(name)
    expect(names.filter((n) => n.startsWith('case/') || n.startsWith('team/'))).toEqual([])

    expect((await openYjs(relay.url, name, tokens['dong.volunteer']!)).status).toBe(101)
    expect((await openYjs(relay.url, name, tokens['dong.volunteer2']!)).status).toBe(403)
    expect((await openYjs(relay.url, name, tokens['hope.volunteer']!)).status).toBe(403)
    expect((await openYjs(relay.url, caseName, tokens['dong.volunteer']!)).status).toBe(403)
    expect((await openYjs(relay.url, teamDocName('dong-sinchon'), tokens['dong.volunteer']!)).status).toBe(403)

    // Read-only for the volunteer: a change to the brief is refused.
    const [write] = await fresh.push([{ name, update: update('brief', { ...b, watchFor: '바꿈' }) }])
    expect(write).toMatchObject({ ok: false, code: ErrorCode.Forbidden })
    for (const d of [worker, mine, other, fresh]) await d.close()
    expect(relay.storage.auditFor(name).filter((a) => a.action === 'refused').length).toBeGreaterThanOrEqual(3)
  })

  it('leave the volunteer when the assignment ends (Revoked live and at the next sync)', async () => {
    const b = brief('dong.volunteer')
    const name = briefDocName(b.id)
    const doc = new Y.Doc()
    const worker = await Device.connect(relay.url, tokens['dong.worker']!)
    expect((await worker.push([{ name, update: update('brief', b, doc) }]))[0]).toMatchObject({ ok: true })
    const vol = await Device.connect(relay.url, tokens['dong.volunteer']!)
    const feed = await vol.feed()
    expect(feed.items.map((i) => i.name)).toContain(name)
    const from = vol.messages.length
    expect((await worker.push([{ name, update: update('brief', { ...b, endedAt: '2026-11-25T09:00:00+09:00' }, doc) }]))[0]).toMatchObject({ ok: true })
    const revoked = await vol.waitFor<Extract<(typeof vol.messages)[number], { type: typeof MsgType.Revoked }>>((m) => m.type === MsgType.Revoked, from)
    expect(revoked.names).toContain(name)
    // The team keeps the ended brief: only the volunteer's copy goes.
    expect(worker.messages.some((m) => m.type === MsgType.Revoked && m.names.includes(name))).toBe(false)
    expect(relay.storage.docAccess(name)?.teams.has('dong-sinchon')).toBe(true)
    // A device that was offline hears it when it comes back from its old cursor.
    const back = await Device.connect(relay.url, tokens['dong.volunteer']!, feed.done)
    await back.waitFor((m) => m.type === MsgType.Revoked && m.names.includes(name))
    expect((await openYjs(relay.url, name, tokens['dong.volunteer']!)).status).toBe(403)
    for (const d of [worker, vol, back]) await d.close()
  })

  it('name a volunteer of the owning team only, and carry nothing beyond the brief fields', async () => {
    const worker = await Device.connect(relay.url, tokens['dong.worker']!)
    const elsewhere = brief('hope.volunteer')
    const [r1] = await worker.push([{ name: briefDocName(elsewhere.id), update: update('brief', elsewhere) }])
    expect(r1).toMatchObject({ ok: false, code: ErrorCode.Forbidden })
    const notVolunteer = { ...brief('dong.volunteer'), volunteerId: ids['dong.worker']! }
    const [r2] = await worker.push([{ name: briefDocName(notVolunteer.id), update: update('brief', notVolunteer) }])
    expect(r2).toMatchObject({ ok: false, code: ErrorCode.Forbidden })
    const otherTeamId = { ...brief('dong.volunteer'), teamId: 'hope-center' }
    const [r2b] = await worker.push([{ name: briefDocName(otherTeamId.id), update: update('brief', otherTeamId) }])
    expect(r2b).toMatchObject({ ok: false, code: ErrorCode.Forbidden })
    const leaky = { ...brief('dong.volunteer'), health: '우울증 치료 중' }
    const [r3] = await worker.push([{ name: briefDocName(leaky.id), update: update('brief', leaky) }])
    expect(r3).toMatchObject({ ok: false, code: ErrorCode.BadUpdate })
    const extraRoot = brief('dong.volunteer')
    const doc = new Y.Doc()
    writePlain(doc, 'brief', extraRoot)
    doc.getMap('members').set('m1', '김가상 1950-01-01')
    const [r4] = await worker.push([{ name: briefDocName(extraRoot.id), update: Y.encodeStateAsUpdate(doc) }])
    expect(r4).toMatchObject({ ok: false, code: ErrorCode.BadUpdate })
    // A volunteer cannot make briefs.
    const vol = await Device.connect(relay.url, tokens['dong.volunteer']!)
    const own = brief('dong.volunteer')
    expect((await vol.push([{ name: briefDocName(own.id), update: update('brief', own) }]))[0]).toMatchObject({ ok: false, code: ErrorCode.Forbidden })
    await worker.close()
    await vol.close()
  })
})

describe('reports', () => {
  it('a volunteer reads and amends their own; the team reads them; another volunteer cannot', async () => {
    const r = checkIn('dong.volunteer', crypto.randomUUID())
    const name = reportDocName(r.id)
    const doc = new Y.Doc()
    const vol = await Device.connect(relay.url, tokens['dong.volunteer']!)
    expect((await vol.push([{ name, update: update('report', r, doc) }]))[0]).toMatchObject({ ok: true })
    expect((await vol.push([{ name, update: update('report', { ...r, note: '다시 방문 필요' }, doc) }]))[0]).toMatchObject({ ok: true })

    const worker = await Device.connect(relay.url, tokens['dong.worker']!)
    expect((await worker.feed()).items.map((i) => i.name)).toContain(name)
    const other = await Device.connect(relay.url, tokens['dong.volunteer2']!)
    expect((await other.feed()).items.map((i) => i.name)).not.toContain(name)
    expect((await openYjs(relay.url, name, tokens['dong.volunteer2']!)).status).toBe(403)
    expect((await openYjs(relay.url, name, tokens['hope.worker']!)).status).toBe(403)
    expect((await other.push([{ name, update: update('report', { ...r, note: '침입' }) }]))[0]).toMatchObject({ ok: false, code: ErrorCode.Forbidden })

    // The worker's 확인 reaches the volunteer's phone; the volunteer may not write it themselves.
    const from = vol.messages.length
    expect((await worker.push([{ name, update: update('handling', { ack: { by: ids['dong.worker'], at: '2026-11-22T09:00:00+09:00' } }) }]))[0]).toMatchObject({ ok: true })
    await vol.waitFor((m) => m.type === MsgType.Live && m.name === name, from)
    const forged = update('handling', { intake: { by: ids['dong.volunteer'], at: '2026-11-22T09:00:00+09:00', caseId: crypto.randomUUID() } }, doc)
    expect((await vol.push([{ name, update: forged }]))[0]).toMatchObject({ ok: false, code: ErrorCode.Forbidden })
    // After the 확인 the volunteer may still amend their own words (the handling stays as the worker left it).
    const stored = new Y.Doc()
    Y.applyUpdate(stored, relay.storage.mergedState(name)!)
    expect((await vol.push([{ name, update: update('report', { ...r, note: '확인 후 덧붙임' }, stored) }]))[0]).toMatchObject({ ok: true })
    // A worker may not rewrite what the volunteer reported.
    const rewritten = new Y.Doc()
    Y.applyUpdate(rewritten, relay.storage.mergedState(name)!)
    expect((await worker.push([{ name, update: update('report', { ...r, note: '담당자가 바꿈' }, rewritten) }]))[0]).toMatchObject({ ok: false, code: ErrorCode.Forbidden })
    for (const d of [vol, worker, other]) await d.close()
  })

  it('a volunteer cannot report in someone else\'s name or team', async () => {
    const vol = await Device.connect(relay.url, tokens['dong.volunteer']!)
    const asOther = checkIn('dong.volunteer2', crypto.randomUUID())
    expect((await vol.push([{ name: reportDocName(asOther.id), update: update('report', asOther) }]))[0]).toMatchObject({ ok: false, code: ErrorCode.Forbidden })
    const otherTeam = { ...checkIn('dong.volunteer', crypto.randomUUID()), teamId: 'hope-center' }
    expect((await vol.push([{ name: reportDocName(otherTeam.id), update: update('report', otherTeam) }]))[0]).toMatchObject({ ok: false, code: ErrorCode.Forbidden })
    const bad = { ...checkIn('dong.volunteer', crypto.randomUUID()), outcome: 'maybe' }
    expect((await vol.push([{ name: reportDocName(bad.id), update: update('report', bad) }]))[0]).toMatchObject({ ok: false, code: ErrorCode.BadUpdate })
    await vol.close()
    expect(relay.storage.auditFor(reportDocName(asOther.id)).some((a) => a.action === 'refused')).toBe(true)
  })
})

describe('a stock y-websocket client on /yjs', () => {
  const follow = (name: string, token: string) => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`${wsUrl(relay.url)}/yjs`, name, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token },
      disableBc: true,
      maxBackoffTime: 200,
    })
    return { doc, provider }
  }

  it('syncs the volunteer\'s own brief, and gets nothing of a case file or another volunteer\'s brief', async () => {
    const b = brief('dong.volunteer')
    const name = briefDocName(b.id)
    const worker = await Device.connect(relay.url, tokens['dong.worker']!)
    expect((await worker.push([{ name, update: update('brief', b) }]))[0]).toMatchObject({ ok: true })
    await worker.close()
    const own = follow(name, tokens['dong.volunteer']!)
    const others = [follow(name, tokens['dong.volunteer2']!), follow(caseName, tokens['dong.volunteer']!)]
    try {
      const deadline = Date.now() + 5000
      while (own.doc.getMap('brief').get('headName') !== '김가상' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25))
      expect(own.doc.getMap('brief').get('headName')).toBe('김가상')
      await new Promise((r) => setTimeout(r, 600)) // several refused reconnects
      for (const o of others) {
        expect(o.provider.synced).toBe(false)
        expect([...o.doc.share.keys()]).toEqual([])
      }
    } finally {
      for (const p of [own, ...others]) p.provider.destroy()
    }
  })
})
