// 의뢰, 열람 공유, 공유 해제 and 의뢰 수락 between teams (issue 9; docs/CONTRACTS.md, "Between teams").
// - refer: the receiving team reads the case file (kind `referral`) until a worker or supervisor of it
//   accepts; accepting makes that team the owner and leaves the referring team a `share` (read and write),
//   so both keep the history.
// - share-read: the other team reads (kind `read`) and may not write (access.ts canWrite).
// - unshare: a team that is not the owner loses access; its devices get Revoked (live, or at the next sync)
//   and remove the case file.
// A refer or share-read of a case file needs a covering consent or a stated legal basis (provision.ts).
// Every change is an access_changes row and an access record; the device that asked writes the case
// file's own record and history event.
import { isDocName } from '../src/sync/protocol'
import type { LegalBasis } from '../src/domain'
import { canAcceptReferral, canChangeAccess } from './access'
import type { Principal } from './access'
import { MESSAGES } from './core'
import type { AccessChangeResult, RelayCore } from './core'
import { provisionBasis } from './provision'
import type { AccessChange } from './storage/types'

const NOT_FOUND = { ok: false, status: 404, error: '문서를 찾을 수 없습니다.' } as const

/** 의뢰 (`refer`) or 열람 공유 (`share-read`) to another team, by a worker or supervisor of the owning team. */
export function grantAccess(
  core: RelayCore, user: Principal, ip: string, kind: 'refer' | 'share-read', name: string, toTeam: string,
  legalBasis?: LegalBasis,
): AccessChangeResult {
  if (!isDocName(name)) return { ok: false, status: 400, error: MESSAGES.badName }
  const team = core.storage.listTeams().find((t) => t.id === toTeam)
  if (!team) return { ok: false, status: 400, error: '받을 팀이 없습니다.' }
  const before = core.storage.docAccess(name)
  if (!before) return NOT_FOUND
  if (!canChangeAccess(user, before)) {
    core.auditor.record(user.id, ip, name, 'refused', Date.now(), kind)
    return { ok: false, status: 403, error: '담당 팀의 사례관리자만 의뢰하거나 공유할 수 있습니다.' }
  }
  if (before.teams.has(toTeam)) return { ok: false, status: 409, error: '이미 그 팀이 볼 수 있는 사례입니다.' }
  const state = core.storage.mergedState(name)
  const provision = provisionBasis(name, state, team, legalBasis)
  if (!provision.ok) {
    core.auditor.record(user.id, ip, name, 'refused', Date.now(), `${kind} to=${toTeam} no-consent`)
    return { ok: false, status: 403, error: provision.error }
  }
  const at = Date.now()
  const change = core.storage.grantDoc(name, toTeam, kind === 'refer' ? 'referral' : 'read', user.id, at, provision.basis)
  core.auditor.record(user.id, ip, name, kind, at, `to=${toTeam}${provision.basis ? ` basis=${provision.basis}` : ''}`)
  const after = core.storage.docAccess(name)
  if (after && state) core.hub.grantTeam(name, toTeam, state, change.seq, after)
  return done(core, change)
}

/** 공유 해제 (or a referral withdrawn before it was accepted), by a worker or supervisor of the owning team. */
export function unshare(core: RelayCore, user: Principal, ip: string, name: string, team: string): AccessChangeResult {
  if (!isDocName(name)) return { ok: false, status: 400, error: MESSAGES.badName }
  const before = core.storage.docAccess(name)
  if (!before) return NOT_FOUND
  if (!canChangeAccess(user, before)) {
    core.auditor.record(user.id, ip, name, 'refused', Date.now(), 'unshare')
    return { ok: false, status: 403, error: '담당 팀의 사례관리자만 공유를 해제할 수 있습니다.' }
  }
  if (team === before.ownerTeam) return { ok: false, status: 400, error: '담당 팀의 접근은 해제할 수 없습니다.' }
  if (!before.teams.has(team)) return { ok: false, status: 409, error: '그 팀은 이 사례를 볼 수 없습니다.' }
  const at = Date.now()
  const change = core.storage.unshareDoc(name, team, user.id, at)
  core.auditor.record(user.id, ip, name, 'unshare', at, `to=${team}`)
  core.hub.revokeTeam(name, team)
  return done(core, change)
}

/** 의뢰 수락, by a worker or supervisor of the team the referral waits at. */
export function acceptReferral(core: RelayCore, user: Principal, ip: string, name: string): AccessChangeResult {
  if (!isDocName(name)) return { ok: false, status: 400, error: MESSAGES.badName }
  const before = core.storage.docAccess(name)
  if (!before || !before.teams.has(user.team)) return NOT_FOUND
  if (!canAcceptReferral(user, before)) {
    core.auditor.record(user.id, ip, name, 'refused', Date.now(), 'accept')
    return before.kinds?.get(user.team) === 'referral'
      ? { ok: false, status: 403, error: '사례관리자나 팀장만 의뢰를 수락할 수 있습니다.' }
      : { ok: false, status: 409, error: '이 팀에 와 있는 의뢰가 없습니다.' }
  }
  const at = Date.now()
  const change = core.storage.acceptReferral(name, user.team, user.id, at)
  core.auditor.record(user.id, ip, name, 'accept', at, `from=${change.fromTeam}`)
  return done(core, change)
}

function done(core: RelayCore, change: AccessChange): AccessChangeResult {
  core.log(`access ${change.kind} seq=${change.seq}`)
  return { ok: true, change }
}
