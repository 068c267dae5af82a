// Who may refer (share) or transfer a case file (issue 8): only a worker or supervisor of the OWNING
// team. A team the case was only shared with, and a volunteer of the owning team, are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canAcceptReferral, canChangeAccess, canRead, canWrite, readableKinds } from '../../../sync-server/access'
import { teamDocName } from '../../../src/store/teamDoc'
import type { DocAccess } from '../../../sync-server/storage/types'
import { Device, login, newDocName, testRelay, textUpdate } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay
const tokens: Record<string, string> = {}
const THIRD = 'third-team'

beforeAll(async () => {
  relay = await testRelay()
  relay.storage.ensureTeam({ id: THIRD, name: '제3팀' })
  for (const u of ['dong.worker', 'dong.supervisor', 'dong.volunteer', 'hope.worker', 'hope.supervisor']) tokens[u] = await login(relay.url, u)
})
afterAll(() => relay.close())

const api = (path: string, user: string, body: unknown) =>
  fetch(`${relay.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${tokens[user]}` }, body: JSON.stringify(body) })

/** A case file owned by dong-sinchon and shared with hope-center. */
async function sharedDongCase(): Promise<string> {
  const name = newDocName()
  const d = await Device.connect(relay.url, tokens['dong.worker']!, 0, 'guard-dong')
  const [r] = await d.push([{ name, update: textUpdate('공유된 사례') }])
  expect(r?.ok).toBe(true)
  await d.close()
  expect((await api('/api/share', 'dong.worker', { name, team: 'hope-center' })).status).toBe(200)
  return name
}

describe('share and transfer over the API', () => {
  it('a team the case was only shared with may neither share it on nor transfer it', async () => {
    const name = await sharedDongCase()
    for (const user of ['hope.worker', 'hope.supervisor']) {
      expect((await api('/api/share', user, { name, team: THIRD })).status).toBe(403)
      expect((await api('/api/transfer', user, { name, team: 'hope-center' })).status).toBe(403)
      expect((await api('/api/transfer', user, { name, team: THIRD })).status).toBe(403)
    }
    const access = relay.storage.docAccess(name)!
    expect(access.ownerTeam).toBe('dong-sinchon')
    expect([...access.teams.keys()].sort()).toEqual(['dong-sinchon', 'hope-center'])
    expect(relay.storage.accessHistory(name).map((c) => c.kind)).toEqual(['share'])
    expect(relay.storage.auditFor(name).filter((a) => a.action === 'refused').length).toBe(6)
  })

  it('a volunteer of the owning team may neither share nor transfer', async () => {
    const name = await sharedDongCase()
    expect((await api('/api/share', 'dong.volunteer', { name, team: THIRD })).status).toBe(403)
    expect((await api('/api/transfer', 'dong.volunteer', { name, team: THIRD })).status).toBe(403)
    expect(relay.storage.docAccess(name)!.ownerTeam).toBe('dong-sinchon')
    expect(relay.storage.accessHistory(name).map((c) => c.kind)).toEqual(['share'])
  })

  it('a worker and a supervisor of the owning team may (the refusals above are about who, not what)', async () => {
    const name = await sharedDongCase()
    expect((await api('/api/share', 'dong.supervisor', { name, team: THIRD })).status).toBe(200)
    expect((await api('/api/transfer', 'dong.worker', { name, team: 'hope-center' })).status).toBe(200)
    expect(relay.storage.docAccess(name)!.ownerTeam).toBe('hope-center')
    // Ownership moved: now the old owner is the one refused.
    expect((await api('/api/transfer', 'dong.worker', { name, team: 'dong-sinchon' })).status).toBe(403)
  })
})

describe('access rules (sync-server/access.ts)', () => {
  const access = (ownerTeam: string, ...shared: string[]): DocAccess => ({
    name: 'case/x',
    ownerTeam,
    teams: new Map([[ownerTeam, 1], ...shared.map((t, i): [string, number] => [t, i + 2])]),
  })
  const user = (role: 'worker' | 'supervisor' | 'volunteer' | 'admin', team = 'a') => ({ id: `${role}-${team}`, role, team })
  const CASE = 'case/00000000-0000-4000-8000-000000000001'
  const BRIEF = 'brief/00000000-0000-4000-8000-000000000001'
  const REPORT = 'report/00000000-0000-4000-8000-000000000001'

  it('canChangeAccess: owner-team worker or supervisor only', () => {
    const shared = access('a', 'b')
    expect(canChangeAccess(user('worker'), shared)).toBe(true)
    expect(canChangeAccess(user('supervisor'), shared)).toBe(true)
    expect(canChangeAccess(user('volunteer'), shared)).toBe(false)
    expect(canChangeAccess(user('admin'), shared)).toBe(false)
    expect(canChangeAccess(user('worker', 'b'), shared)).toBe(false)
    expect(canChangeAccess(user('supervisor', 'b'), shared)).toBe(false)
    expect(canChangeAccess(user('worker', 'c'), shared)).toBe(false)
  })

  it('canAcceptReferral: a worker or supervisor of the team the referral waits at, nobody else', () => {
    const referred: DocAccess = { ...access('a', 'b'), kinds: new Map([['a', 'owner'], ['b', 'referral']]) }
    expect(canAcceptReferral(user('worker', 'b'), referred)).toBe(true)
    expect(canAcceptReferral(user('supervisor', 'b'), referred)).toBe(true)
    expect(canAcceptReferral(user('volunteer', 'b'), referred)).toBe(false)
    expect(canAcceptReferral(user('admin', 'b'), referred)).toBe(false)
    expect(canAcceptReferral(user('worker', 'a'), referred)).toBe(false) // the referring team
    expect(canAcceptReferral(user('worker', 'c'), referred)).toBe(false)
    // Access rows of a storage that keeps no kinds (plain share/owner): nothing waits to be accepted.
    expect(canAcceptReferral(user('worker', 'b'), access('a', 'b'))).toBe(false)
  })

  it('canWrite: a team holding the document read-only (열람 공유, referral not yet accepted) may not write', () => {
    const CASE_RO = 'case/00000000-0000-4000-8000-000000000002'
    const ro: DocAccess = { ...access('a', 'b', 'c', 'd'), kinds: new Map([['a', 'owner'], ['b', 'read'], ['c', 'referral'], ['d', 'share']]) }
    expect(canWrite(user('worker', 'a'), CASE_RO, ro)).toBe(true)
    expect(canWrite(user('worker', 'b'), CASE_RO, ro)).toBe(false)
    expect(canWrite(user('worker', 'c'), CASE_RO, ro)).toBe(false)
    expect(canWrite(user('worker', 'd'), CASE_RO, ro)).toBe(true)
    expect(canRead(user('worker', 'b'), CASE_RO, ro)).toBe(true)
  })

  it('canRead: a team with access, and a kind the role may read', () => {
    const shared = { ...access('a', 'b'), name: CASE }
    expect(canRead(user('worker'), CASE, shared)).toBe(true)
    expect(canRead(user('supervisor', 'b'), CASE, shared)).toBe(true)
    expect(canRead(user('worker', 'c'), CASE, shared)).toBe(false)
    expect(canRead(user('volunteer'), CASE, shared)).toBe(false)
    // A volunteer reads through their own audience only, never through the team's rows.
    expect(canRead(user('volunteer'), BRIEF, shared)).toBe(false)
    expect(canRead(user('volunteer'), REPORT, shared)).toBe(false)
    expect(canRead(user('volunteer'), BRIEF, access('a', 'vol:volunteer-a'))).toBe(true)
    expect(canRead(user('volunteer'), REPORT, access('a', 'vol:volunteer-a'))).toBe(true)
    expect(canRead(user('volunteer'), CASE, access('a', 'vol:volunteer-a'))).toBe(false)
    expect(canRead(user('volunteer'), BRIEF, access('a', 'vol:someone-else'))).toBe(false)
    expect(canRead(user('admin'), CASE, shared)).toBe(false)
    expect(canRead(user('worker'), CASE, null)).toBe(false)
    expect(canRead(user('worker'), 'nope/1', shared)).toBe(false)
  })

  it('canWrite: creating needs a creatable kind; an existing document needs read access', () => {
    expect(canWrite(user('worker'), CASE, null)).toBe(true)
    expect(canWrite(user('supervisor'), BRIEF, null)).toBe(true)
    expect(canWrite(user('volunteer'), REPORT, null)).toBe(true)
    expect(canWrite(user('volunteer'), BRIEF, null)).toBe(false)
    expect(canWrite(user('volunteer'), CASE, null)).toBe(false)
    expect(canWrite(user('admin'), REPORT, null)).toBe(false)
    expect(canWrite(user('worker'), 'nope/1', null)).toBe(false)
    expect(canWrite(user('worker'), 'nope/1', access('a'))).toBe(false)
    expect(canWrite(user('worker', 'b'), CASE, access('a', 'b'))).toBe(true)
    expect(canWrite(user('worker', 'c'), CASE, access('a', 'b'))).toBe(false)
    expect(canWrite(user('volunteer'), CASE, access('a'))).toBe(false)
    expect(canWrite(user('volunteer'), REPORT, access('a', 'vol:volunteer-a'))).toBe(true)
    // A brief reaches its volunteer read-only.
    const brief: DocAccess = { ...access('a', 'vol:volunteer-a'), kinds: new Map([['a', 'owner'], ['vol:volunteer-a', 'read']]) }
    expect(canWrite(user('volunteer'), BRIEF, brief)).toBe(false)
    expect(canRead(user('volunteer'), BRIEF, brief)).toBe(true)
  })

  it('canWrite: a team document only under the name derived from the writer\'s own team', () => {
    expect(canWrite(user('worker', 'a'), teamDocName('a'), null)).toBe(true)
    expect(canWrite(user('supervisor', 'a'), teamDocName('a'), null)).toBe(true)
    expect(canWrite(user('worker', 'a'), teamDocName('b'), null)).toBe(false)
    expect(canWrite(user('volunteer', 'a'), teamDocName('a'), null)).toBe(false)
    expect(canRead(user('volunteer', 'a'), teamDocName('a'), access('a'))).toBe(false)
    expect(teamDocName('a')).not.toBe(teamDocName('b'))
    expect(teamDocName('a')).toMatch(/^team\/[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('readableKinds per role', () => {
    expect(readableKinds('worker')).toEqual(['case', 'brief', 'report', 'team'])
    expect(readableKinds('supervisor')).toEqual(['case', 'brief', 'report', 'team'])
    expect(readableKinds('volunteer')).toEqual(['brief', 'report'])
    expect(readableKinds('admin')).toEqual([])
  })
})
