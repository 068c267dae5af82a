// The relay's referral operations called directly on the memory storage (the integration tests run them
// on SQLite): who may, what each does to access and to live devices, and what the consent check reads.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { todayInSeoul } from '../../../src/domain'
import { caseDocName, writeNewCase } from '../../../src/store/caseDoc'
import { canWrite } from '../../../sync-server/access'
import type { Principal } from '../../../sync-server/access'
import { Auditor } from '../../../sync-server/audit'
import { Auth } from '../../../sync-server/auth'
import { changeAccess, storeUpdates } from '../../../sync-server/core'
import type { RelayCore } from '../../../sync-server/core'
import { Hub } from '../../../sync-server/hub'
import type { Subscriber } from '../../../sync-server/hub'
import { provisionBasis } from '../../../sync-server/provision'
import { acceptReferral, grantAccess, unshare } from '../../../sync-server/referral'
import { Sessions } from '../../../sync-server/sessions'
import { openMemoryStorage } from '../../../sync-server/storage/memory'
import { makeCaseFile } from '../domain/fixtures'

const DONG = 'dong-sinchon'
const HOPE = 'hope-center'
const dongWorker: Principal = { id: 'u-dong', role: 'worker', team: DONG }
const hopeWorker: Principal = { id: 'u-hope', role: 'worker', team: HOPE }
const IP = '127.0.0.1'
const HOPE_TEAM = { id: HOPE, name: '희망복지지원단' }

function relayCore(): RelayCore {
  const storage = openMemoryStorage()
  storage.ensureTeam({ id: DONG, name: '신촌동 주민센터' })
  storage.ensureTeam(HOPE_TEAM)
  return { storage, auth: new Auth(storage, 3600), auditor: new Auditor(storage), hub: new Hub(), sessions: new Sessions(), log: () => {} }
}

function liveDevice(core: RelayCore, user: Principal) {
  const got = { updates: [] as string[], revoked: [] as string[] }
  const sub: Subscriber = { user, sendUpdate: (name) => got.updates.push(name), revoke: (names) => got.revoked.push(...names) }
  core.hub.add(sub)
  return got
}

function caseState(consentScope?: string[]): { name: string; state: Uint8Array } {
  const consents = consentScope
    ? [{ id: 'c1', date: todayInSeoul(), scope: consentScope, method: 'written' as const, recordedAt: new Date().toISOString() }]
    : []
  const cf = makeCaseFile({ meta: { id: crypto.randomUUID() }, consents })
  const doc = new Y.Doc()
  writeNewCase(doc, cf)
  return { name: caseDocName(cf.meta.id), state: Y.encodeStateAsUpdate(doc) }
}

function stored(core: RelayCore, consentScope?: string[]): string {
  const { name, state } = caseState(consentScope)
  const [outcome] = storeUpdates(core, dongWorker, 'd1', IP, [{ name, update: state }], null)
  expect(outcome?.ok).toBe(true)
  return name
}

describe('provisionBasis', () => {
  it('reads the consents of the stored case file; a stated legal basis needs none; a document without a case file passes', () => {
    const covered = caseState(['희망복지지원단'])
    expect(provisionBasis(covered.name, covered.state, HOPE_TEAM, undefined)).toEqual({ ok: true, basis: 'consent:c1' })
    const other = caseState(['보건소'])
    expect(provisionBasis(other.name, other.state, HOPE_TEAM, undefined)).toMatchObject({ ok: false })
    expect(provisionBasis(other.name, other.state, HOPE_TEAM, 'ssa-15')).toEqual({ ok: true, basis: 'ssa-15' })
    // Before the day it was given it covers nothing.
    expect(provisionBasis(covered.name, covered.state, HOPE_TEAM, undefined, '2000-01-01')).toMatchObject({ ok: false })
    const text = new Y.Doc()
    text.getText('note').insert(0, '메모')
    expect(provisionBasis(`case/${crypto.randomUUID()}`, Y.encodeStateAsUpdate(text), HOPE_TEAM, undefined)).toEqual({ ok: true, basis: '' })
  })
})

describe('referral on the memory storage', () => {
  it('refer → read-only for the team, sent to its live devices; accept → owner, and the referring team keeps read and write', () => {
    const core = relayCore()
    const name = stored(core, ['희망복지지원단'])
    const hope = liveDevice(core, hopeWorker)
    expect(grantAccess(core, hopeWorker, IP, 'refer', name, HOPE)).toMatchObject({ ok: false, status: 403 })
    const referred = grantAccess(core, dongWorker, IP, 'refer', name, HOPE)
    expect(referred).toMatchObject({ ok: true, change: { kind: 'refer', fromTeam: DONG, toTeam: HOPE, basis: 'consent:c1' } })
    expect(hope.updates).toEqual([name])
    expect(canWrite(hopeWorker, name, core.storage.docAccess(name))).toBe(false)
    expect(grantAccess(core, dongWorker, IP, 'share-read', name, HOPE)).toMatchObject({ ok: false, status: 409 })

    expect(acceptReferral(core, dongWorker, IP, name)).toMatchObject({ ok: false, status: 409 })
    expect(acceptReferral(core, hopeWorker, IP, name)).toMatchObject({ ok: true, change: { kind: 'accept', fromTeam: DONG, toTeam: HOPE } })
    const access = core.storage.docAccess(name)!
    expect(access.ownerTeam).toBe(HOPE)
    expect(canWrite(hopeWorker, name, access)).toBe(true)
    expect(canWrite(dongWorker, name, access)).toBe(true)
    // The new owner may now un-share the referring team.
    expect(unshare(core, dongWorker, IP, name, HOPE)).toMatchObject({ ok: false, status: 403 })
    expect(unshare(core, hopeWorker, IP, name, DONG)).toMatchObject({ ok: true })
    expect(core.storage.docAccess(name)!.teams.has(DONG)).toBe(false)
    expect(core.storage.revokedSince(DONG, 0, core.storage.headSeq())).toEqual([name])
  })

  it('share and transfer of a case file need the consent or basis too; refused without, the refusal recorded', () => {
    const core = relayCore()
    const name = stored(core)
    expect(changeAccess(core, dongWorker, IP, 'share', name, HOPE)).toMatchObject({ ok: false, status: 403 })
    expect(changeAccess(core, dongWorker, IP, 'transfer', name, HOPE)).toMatchObject({ ok: false, status: 403 })
    const moved = changeAccess(core, dongWorker, IP, 'transfer', name, HOPE, 'ssa-15')
    expect(moved).toMatchObject({ ok: true, change: { kind: 'transfer', basis: 'ssa-15' } })
    core.auditor.flush()
    expect(core.storage.auditFor(name).map((a) => [a.action, a.detail])).toEqual([
      ['write', ''], ['refused', 'share to=hope-center no-consent'], ['refused', 'transfer to=hope-center no-consent'],
      ['transfer', 'to=hope-center basis=ssa-15'],
    ])
  })
})
