// Between teams (issue 9), on a real relay on 127.0.0.1: a case file goes to another team only with a
// consent on record that covers that team, or a stated legal basis (사회보장급여법 제15조); a referral is
// read-only until the receiving team accepts it, which makes it the owner; a read-only share cannot be
// written; un-sharing tells the other team's devices to remove the case file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ErrorCode, MsgType } from '../../../src/sync/protocol'
import type { RelayMessage } from '../../../src/sync/protocol'
import type { Consent } from '../../../src/domain'
import { buildNewCase } from '../../../src/store/caseCommands'
import { childMap, rootMap, writeEntity, writeNewCase } from '../../../src/store/caseDoc'
import { Device, JSON_TYPE, login, testRelay } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay
const tokens: Record<string, string> = {}

beforeAll(async () => {
  relay = await testRelay()
  for (const u of ['dong.worker', 'dong.volunteer', 'hope.worker', 'hope.volunteer']) tokens[u] = await login(relay.url, u)
})
afterAll(() => relay.close())

const api = (path: string, user: string, body: unknown) =>
  fetch(`${relay.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${tokens[user]}`, ...JSON_TYPE }, body: JSON.stringify(body) })

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date())

function consent(overrides: Partial<Consent> = {}): Consent {
  return { id: crypto.randomUUID(), date: today, scope: ['희망복지지원단'], method: 'written', recordedAt: new Date().toISOString(), ...overrides }
}

/** A case file of the dong team on the relay, with these consents; returns its name and the writer's doc. */
async function dongCase(consents: Consent[] = []): Promise<{ name: string; doc: Y.Doc }> {
  const cf = buildNewCase({
    household: { targetType: 'basic', address: '서울특별시 서대문구 신촌로 10' },
    members: [{ name: '김하늘' }],
    intake: { date: '2026-11-01', source: 'dongCenter', presentingProblem: '월세 체납' },
    level: 'general',
  })
  const doc = new Y.Doc()
  writeNewCase(doc, { ...cf, consents })
  const name = `case/${cf.meta.id}`
  const d = await Device.connect(relay.url, tokens['dong.worker']!, 0, 'dong-tablet')
  const [r] = await d.push([{ name, update: Y.encodeStateAsUpdate(doc) }])
  expect(r?.ok).toBe(true)
  await d.close()
  return { name, doc }
}

/** An edit of the case file as `user`'s device would push it. */
async function pushEdit(user: string, name: string, doc: Y.Doc, edit: (d: Y.Doc) => void) {
  const before = Y.encodeStateVector(doc)
  edit(doc)
  const d = await Device.connect(relay.url, tokens[user]!, 0, `${user}-tablet`)
  const [r] = await d.push([{ name, update: Y.encodeStateAsUpdate(doc, before) }])
  await d.close()
  return r
}

describe('consent gating on the relay', () => {
  it('refuses a referral without a consent or a legal basis, in Korean, and records the refusal', async () => {
    const { name } = await dongCase()
    const res = await api('/api/refer', 'dong.worker', { name, team: 'hope-center' })
    expect(res.status).toBe(403)
    const { error } = (await res.json()) as { error: string }
    expect(error).toContain('개인정보 보호법 제17조')
    expect(error).toContain('사회보장급여법 제15조')
    expect(relay.storage.accessHistory(name)).toEqual([])
    expect([...relay.storage.docAccess(name)!.teams.keys()]).toEqual(['dong-sinchon'])
    expect(relay.storage.auditFor(name).at(-1)).toMatchObject({ action: 'refused', detail: 'refer to=hope-center no-consent' })
  })

  it('refuses the same for a read-only share, a share and a transfer, and for consents that do not cover the team', async () => {
    const { name } = await dongCase([
      consent({ scope: ['서대문구 보건소'] }),
      consent({ date: '2026-01-02', withdrawnAt: today }),
    ])
    for (const path of ['/api/refer', '/api/share-read', '/api/share', '/api/transfer']) {
      expect((await api(path, 'dong.worker', { name, team: 'hope-center' })).status).toBe(403)
    }
    expect(relay.storage.accessHistory(name)).toEqual([])
    expect((await api('/api/refer', 'dong.worker', { name, team: 'hope-center', legalBasis: 'because' })).status).toBe(400)
  })

  it('accepts a referral on a stated legal basis, recorded with it', async () => {
    const { name } = await dongCase()
    const res = await api('/api/refer', 'dong.worker', { name, team: 'hope-center', legalBasis: 'ssa-15' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ok: true, kind: 'refer', from: 'dong-sinchon', to: 'hope-center', basis: 'ssa-15' })
    expect(relay.storage.accessHistory(name)).toMatchObject([{ kind: 'refer', basis: 'ssa-15' }])
    expect(relay.storage.auditFor(name).at(-1)).toMatchObject({ action: 'refer', detail: 'to=hope-center basis=ssa-15' })
  })

  it('accepts a referral with a consent covering the team, once that consent has reached the relay', async () => {
    const { name, doc } = await dongCase()
    expect((await api('/api/refer', 'dong.worker', { name, team: 'hope-center' })).status).toBe(403)
    const given = consent({ scope: ['희망복지 지원단', '보건소'], method: 'verbal' })
    expect((await pushEdit('dong.worker', name, doc, (d) => writeEntity(d, 'consents', given)))?.ok).toBe(true)
    const res = await api('/api/refer', 'dong.worker', { name, team: 'hope-center' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ basis: `consent:${given.id}` })
    // Withdrawn today: the next provision is refused again.
    expect((await pushEdit('dong.worker', name, doc, (d) => childMap(rootMap(d, 'consents'), given.id).set('withdrawnAt', today)))?.ok).toBe(true)
    relay.storage.ensureTeam({ id: 'health-center', name: '보건소' })
    expect((await api('/api/share-read', 'dong.worker', { name, team: 'health-center' })).status).toBe(403)
  })
})

describe('referral, acceptance and read-only sharing', () => {
  it('the receiving team reads a referral but may not write it until it accepts; then it owns the case and both write', async () => {
    const { name, doc } = await dongCase([consent()])
    const hope = await Device.connect(relay.url, tokens['hope.worker']!, 0, 'hope-live')
    await hope.feed()
    expect((await api('/api/refer', 'dong.worker', { name, team: 'hope-center' })).status).toBe(200)
    await hope.waitFor((m) => m.type === MsgType.Live && m.name === name)
    await hope.close()

    const hopeDoc = new Y.Doc()
    Y.applyUpdate(hopeDoc, Y.encodeStateAsUpdate(doc))
    const refused = await pushEdit('hope.worker', name, hopeDoc, (d) => rootMap(d, 'household').set('phone', '0212345678'))
    expect(refused).toMatchObject({ ok: false, code: ErrorCode.Forbidden })
    expect((await api('/api/accept', 'hope.volunteer', { name })).status).toBe(403)
    expect((await api('/api/accept', 'dong.worker', { name })).status).toBe(409)

    const accepted = await api('/api/accept', 'hope.worker', { name })
    expect(accepted.status).toBe(200)
    expect(await accepted.json()).toMatchObject({ kind: 'accept', from: 'dong-sinchon', to: 'hope-center' })
    const access = relay.storage.docAccess(name)!
    expect(access.ownerTeam).toBe('hope-center')
    expect(Object.fromEntries(access.kinds!)).toEqual({ 'dong-sinchon': 'share', 'hope-center': 'owner' })
    expect((await pushEdit('hope.worker', name, hopeDoc, (d) => rootMap(d, 'household').set('phone', '0212345679')))?.ok).toBe(true)
    expect((await pushEdit('dong.worker', name, doc, (d) => rootMap(d, 'household').set('note', '동 방문 예정')))?.ok).toBe(true)
    expect((await api('/api/accept', 'hope.worker', { name })).status).toBe(409)
    expect(relay.storage.accessHistory(name).map((c) => c.kind)).toEqual(['refer', 'accept'])
  })

  it('a read-only share cannot be written; un-sharing sends Revoked to the team\'s live devices and to the offline ones at their next sync', async () => {
    const { name, doc } = await dongCase()
    expect((await api('/api/share-read', 'dong.worker', { name, team: 'hope-center', legalBasis: 'ssa-15' })).status).toBe(200)
    const offline = await Device.connect(relay.url, tokens['hope.worker']!, 0, 'hope-offline')
    const { items, done } = await offline.feed()
    expect(items.map((i) => i.name)).toContain(name)
    await offline.close()
    const hopeDoc = new Y.Doc()
    Y.applyUpdate(hopeDoc, Y.encodeStateAsUpdate(doc))
    expect(await pushEdit('hope.worker', name, hopeDoc, (d) => rootMap(d, 'household').set('phone', '0212345678'))).toMatchObject({
      ok: false, code: ErrorCode.Forbidden,
    })
    expect((await api('/api/unshare', 'hope.worker', { name, team: 'hope-center' })).status).toBe(403)
    expect((await api('/api/unshare', 'dong.worker', { name, team: 'dong-sinchon' })).status).toBe(400)

    const live = await Device.connect(relay.url, tokens['hope.worker']!, done, 'hope-live-2')
    await live.feed()
    expect((await api('/api/unshare', 'dong.worker', { name, team: 'hope-center' })).status).toBe(200)
    await live.waitFor<Extract<RelayMessage, { type: typeof MsgType.Revoked }>>((m) => m.type === MsgType.Revoked && m.names.includes(name))
    await live.close()
    const later = await Device.connect(relay.url, tokens['hope.worker']!, done, 'hope-offline')
    await later.waitFor((m) => m.type === MsgType.Revoked && m.names.includes(name))
    await later.close()
    expect([...relay.storage.docAccess(name)!.teams.keys()]).toEqual(['dong-sinchon'])
    expect((await api('/api/unshare', 'dong.worker', { name, team: 'hope-center' })).status).toBe(409)
    expect(relay.storage.accessHistory(name).map((c) => c.kind)).toEqual(['share-read', 'unshare'])
    expect(relay.storage.auditFor(name).filter((a) => ['share-read', 'unshare'].includes(a.action)).map((a) => a.detail)).toEqual([
      'to=hope-center basis=ssa-15', 'to=hope-center',
    ])
  })

  it('only a worker or supervisor of the owning team may refer, share or un-share', async () => {
    const { name } = await dongCase([consent()])
    expect((await api('/api/refer', 'dong.volunteer', { name, team: 'hope-center' })).status).toBe(403)
    expect((await api('/api/refer', 'hope.worker', { name, team: 'hope-center' })).status).toBe(403)
    expect((await api('/api/refer', 'dong.worker', { name, team: 'no-such-team' })).status).toBe(400)
    expect(relay.storage.accessHistory(name)).toEqual([])
  })
})
