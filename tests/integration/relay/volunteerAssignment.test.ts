// The worker's side of volunteers on a real relay (issue 10): GET /api/volunteers lists the caller's team's
// volunteer accounts (workers and supervisors only); a brief made by assignVolunteer on the worker's device
// and pushed over /sync reaches the volunteer's device, and after 배정 종료 the volunteer is told to remove it.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MsgType } from '../../../src/sync/protocol'
import type { RelayMessage } from '../../../src/sync/protocol'
import { fetchVolunteers } from '../../../src/sync/volunteersApi'
import { RelayAccessError } from '../../../src/sync/accessApi'
import { assignVolunteer, closeStore, createCase, endAssignment, openStore } from '../../../src/store'
import { openDoc, whenAllWritten } from '../../../src/store/docStore'
import { briefDocName, readBrief } from '../../../src/store/volunteerDocs'
import { hashPassword } from '../../../sync-server/passwordHash'
import { TEST_STORE_KEY } from '../../support/storeKey'
import { Device, DEMO_PASSWORD, login, testRelay } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay
const tokens: Record<string, string> = {}
const ids: Record<string, string> = {}
const dbName = `relay-assign-${crypto.randomUUID()}`

beforeAll(async () => {
  relay = await testRelay()
  const hash = await hashPassword(DEMO_PASSWORD)
  relay.storage.createUser({ id: crypto.randomUUID(), username: 'dong.volunteer2', role: 'volunteer', team: 'dong-sinchon', passwordHash: hash, createdAt: Date.now() })
  const gone = crypto.randomUUID()
  relay.storage.createUser({ id: gone, username: 'dong.volunteer.gone', role: 'volunteer', team: 'dong-sinchon', passwordHash: hash, createdAt: Date.now() })
  relay.storage.updateUser(gone, { disabled: true })
  for (const u of ['dong.worker', 'dong.supervisor', 'dong.volunteer', 'dong.volunteer2', 'hope.worker']) {
    tokens[u] = await login(relay.url, u)
    ids[u] = relay.storage.userByName(u)!.id
  }
  openStore(dbName, TEST_STORE_KEY)
})
afterAll(async () => {
  await whenAllWritten()
  closeStore()
  await Dexie.delete(dbName)
  await relay.close()
})

const get = (user: string) => fetch(`${relay.url}/api/volunteers`, { headers: { Authorization: `Bearer ${tokens[user]}` } })
const relayFetch = ((path: string, init?: RequestInit) => fetch(`${relay.url}${path}`, init)) as typeof fetch

describe('GET /api/volunteers', () => {
  it('lists the caller\'s team\'s active volunteer accounts, ids and usernames only', async () => {
    const res = await get('dong.worker')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      volunteers: [
        { id: ids['dong.volunteer'], username: 'dong.volunteer' },
        { id: ids['dong.volunteer2'], username: 'dong.volunteer2' },
      ],
    })
    expect(((await (await get('dong.supervisor')).json()) as { volunteers: unknown[] }).volunteers).toHaveLength(2)
    expect(await (await get('hope.worker')).json()).toEqual({ volunteers: [{ id: relay.storage.userByName('hope.volunteer')!.id, username: 'hope.volunteer' }] })
    expect(await fetchVolunteers(tokens['dong.worker']!, relayFetch)).toHaveLength(2)
  })

  it('refuses volunteers (403, in Korean) and callers without a login (401)', async () => {
    const res = await get('dong.volunteer')
    expect(res.status).toBe(403)
    expect(((await res.json()) as { error: string }).error).toMatch(/[가-힣]/)
    expect((await fetch(`${relay.url}/api/volunteers`)).status).toBe(401)
    await expect(fetchVolunteers(tokens['dong.volunteer']!, relayFetch)).rejects.toMatchObject({ status: 403 })
    await expect(fetchVolunteers(null, relayFetch)).rejects.toBeInstanceOf(RelayAccessError)
  })
})

describe('demo data', () => {
  it('gives each demo volunteer 3 briefs of their team and a check-in and a discovery of their own, readable by their team', async () => {
    for (const [volunteer, worker] of [['dong.volunteer', 'dong.worker'], ['hope.volunteer', 'hope.worker']] as const) {
      const token = volunteer === 'hope.volunteer' ? await login(relay.url, volunteer) : tokens[volunteer]!
      const phone = await Device.connect(relay.url, token, 0, `${volunteer}-demo`)
      const names = (await phone.feed()).items.map((i) => i.name)
      await phone.close()
      const briefs = names.filter((n) => n.startsWith('brief/'))
      const reports = names.filter((n) => n.startsWith('report/'))
      expect(names.filter((n) => !n.startsWith('brief/') && !n.startsWith('report/'))).toEqual([])
      expect(briefs).toHaveLength(3)
      expect(reports).toHaveLength(2)
      const team = relay.storage.userByName(volunteer)!.team
      for (const n of [...briefs, ...reports]) expect(relay.storage.docAccess(n)?.ownerTeam).toBe(team)
      const tablet = await Device.connect(relay.url, worker === 'hope.worker' ? tokens['hope.worker']! : tokens['dong.worker']!, 0, `${worker}-demo`)
      const teamNames = (await tablet.feed()).items.map((i) => i.name)
      await tablet.close()
      for (const n of [...briefs, ...reports]) expect(teamNames).toContain(n)
    }
  })
})

describe('assignment over /sync', () => {
  it('the volunteer\'s device receives the brief, and is told to remove it after 배정 종료', async () => {
    const worker = { id: ids['dong.worker']!, team: 'dong-sinchon' }
    const caseId = await createCase({
      household: { targetType: 'basic', address: '서울특별시 서대문구 가상로 1' },
      members: [{ name: '김가상', birthDate: '1950-01-01', phone: '010-2222-3333' }],
      intake: { date: '2026-11-01', source: 'dongCenter', presentingProblem: '건강 악화' },
      level: 'general', teamId: 'dong-sinchon',
    })
    const brief = await assignVolunteer(caseId, { volunteerId: ids['dong.volunteer']!, schedule: 'biweekly', watchFor: '식사', centerContact: '신촌동 02-330-0000' }, worker)
    const name = briefDocName(brief.id)
    const doc = await openDoc(name)
    let sent = Y.encodeStateVector(new Y.Doc())
    const pushLocal = async (d: Device) => {
      const update = Y.encodeStateAsUpdate(doc, sent)
      sent = Y.encodeStateVector(doc)
      return (await d.push([{ name, update }]))[0]
    }

    const vol = await Device.connect(relay.url, tokens['dong.volunteer']!, 0, 'vol-phone')
    const feed = await vol.feed()
    const from = vol.messages.length
    const tablet = await Device.connect(relay.url, tokens['dong.worker']!, 0, 'worker-tablet')
    expect(await pushLocal(tablet)).toMatchObject({ ok: true })
    const live = await vol.waitFor<Extract<RelayMessage, { type: typeof MsgType.Live }>>(
      (m) => m.type === MsgType.Live && m.name === name, from,
    )
    const received = new Y.Doc()
    Y.applyUpdate(received, live.update)
    expect(readBrief(received)).toEqual({ ok: true, value: brief })

    const other = await Device.connect(relay.url, tokens['dong.volunteer2']!, 0, 'vol2-phone')
    expect((await other.feed()).items.map((i) => i.name)).not.toContain(name)

    const at = vol.messages.length
    await endAssignment(brief.id, worker)
    expect(await pushLocal(tablet)).toMatchObject({ ok: true })
    await vol.waitFor((m) => m.type === MsgType.Revoked && m.names.includes(name), at)
    const back = await Device.connect(relay.url, tokens['dong.volunteer']!, feed.done, 'vol-phone-2')
    await back.waitFor((m) => m.type === MsgType.Revoked && m.names.includes(name))
    for (const d of [vol, tablet, other, back]) await d.close()
  })
})
