// The relay core both WebSocket endpoints share: store pushed updates (validated, authorised, content
// checked on top of the stored state (validateUpdate.ts), one transaction, audited), fan them out, and change who may see a document (share / transfer).
import * as Y from 'yjs'
import { ErrorCode, MAX_UPDATE_BYTES, isDocName } from '../src/sync/protocol'
import type { ErrorCodeValue } from '../src/sync/protocol'
import type { LegalBasis } from '../src/domain'
import { canChangeAccess, canWrite, volunteerAudience } from './access'
import type { Principal } from './access'
import type { Auditor } from './audit'
import type { Auth } from './auth'
import type { Hub, Subscriber } from './hub'
import type { Sessions } from './sessions'
import type { AccessChange, DocAccess, NewUpdate, RelayStorage } from './storage/types'
import { provisionBasis } from './provision'
import { inspectUpdate } from './updates'
import { CONTENT_MESSAGES, validateUpdate } from './validateUpdate'
import { authorshipProblem, routeBriefs } from './volunteerAccess'

export interface RelayCore {
  storage: RelayStorage
  auth: Auth
  auditor: Auditor
  hub: Hub
  /** Open sockets by token, ended when it is revoked (accessWatch.ts). */
  sessions: Sessions
  log: (line: string) => void
}

export type PushOutcome = { ok: true; seq: number } | { ok: false; code: ErrorCodeValue; message: string }

export const MESSAGES = {
  badName: '문서 이름이 올바르지 않습니다.',
  tooLarge: '변경 내용이 너무 커서 저장하지 않았습니다.',
  forbidden: '이 문서에 접근할 권한이 없습니다.',
  badUpdate: '손상된 변경 내용이라 저장하지 않았습니다.',
  purged: '삭제되었거나 보존기간이 끝나 파기된 사례 파일이라 저장하지 않았습니다. 이 기기의 사본도 지웁니다.',
  server: '서버에서 저장하지 못했습니다. 잠시 후 자동으로 다시 시도합니다.',
} as const

const refuse = (code: ErrorCodeValue, message: string): PushOutcome => ({ ok: false, code, message })

export function storeUpdates(
  core: RelayCore, user: Principal, deviceId: string, ip: string,
  items: { name: string; update: Uint8Array }[], origin: Subscriber | null,
): PushOutcome[] {
  const outcomes: PushOutcome[] = new Array(items.length)
  const accepted: { index: number; item: NewUpdate }[] = []
  const accessCache = new Map<string, DocAccess | null>()
  const accessOf = (name: string) => {
    if (!accessCache.has(name)) accessCache.set(name, core.storage.docAccess(name))
    return accessCache.get(name) ?? null
  }
  const now = Date.now()
  const purged = new Set<string>()
  // Updates accepted earlier in this batch, per document: the next one is checked on top of them.
  const batchUpdates = new Map<string, Uint8Array[]>()
  const stateBefore = (name: string): Uint8Array | null => {
    const stored = core.storage.mergedState(name)
    const earlier = batchUpdates.get(name)
    if (!earlier) return stored
    return Y.mergeUpdates(stored ? [stored, ...earlier] : earlier)
  }
  items.forEach(({ name, update }, index) => {
    if (!isDocName(name)) outcomes[index] = refuse(ErrorCode.BadMessage, MESSAGES.badName)
    else if (update.byteLength > MAX_UPDATE_BYTES) outcomes[index] = refuse(ErrorCode.TooLarge, MESSAGES.tooLarge)
    else if (!accessOf(name) && core.storage.isPurged(name)) {
      // Destroyed after its retention (purge-closed): a device's old copy must not bring it back.
      outcomes[index] = refuse(ErrorCode.Forbidden, MESSAGES.purged)
      purged.add(name)
      core.auditor.record(user.id, ip, name, 'refused', now)
    } else if (!canWrite(user, name, accessOf(name))) {
      outcomes[index] = refuse(ErrorCode.Forbidden, MESSAGES.forbidden)
      core.auditor.record(user.id, ip, name, 'refused', now)
    } else {
      const kind = inspectUpdate(update)
      if (kind === 'invalid') outcomes[index] = refuse(ErrorCode.BadUpdate, MESSAGES.badUpdate)
      else if (kind === 'empty') outcomes[index] = { ok: true, seq: core.storage.headSeq() }
      else {
        const before = stateBefore(name)
        const verdict = validateUpdate(name, before, update)
        const existing = accessOf(name)
        const authorship = verdict.ok ? authorshipProblem(core.storage, user, name, existing?.ownerTeam ?? user.team, before, update) : null
        if (!verdict.ok) {
          outcomes[index] = refuse(ErrorCode.BadUpdate, CONTENT_MESSAGES[verdict.problem])
          core.auditor.record(user.id, ip, name, 'refused', now, `content=${verdict.problem}`)
        } else if (authorship) {
          outcomes[index] = refuse(ErrorCode.Forbidden, authorship)
          core.auditor.record(user.id, ip, name, 'refused', now, 'authorship')
        } else {
          // A volunteer's new report is also theirs to read and amend (access.ts audienceOf).
          const creatorAudience = !existing && user.role === 'volunteer' ? volunteerAudience(user.id) : undefined
          accepted.push({ index, item: { name, update, userId: user.id, deviceId, ownerTeam: user.team, creatorAudience, summary: verdict.summary } })
          batchUpdates.set(name, [...(batchUpdates.get(name) ?? []), update])
        }
      }
    }
  })
  if (purged.size) origin?.revoke([...purged])
  if (accepted.length === 0) return outcomes
  let seqs: number[]
  try {
    seqs = core.storage.appendUpdates(accepted.map((a) => a.item), now)
  } catch (err) {
    core.log(`store failed: ${(err as Error).name}`)
    for (const a of accepted) outcomes[a.index] = refuse(ErrorCode.Server, MESSAGES.server)
    return outcomes
  }
  // Committed: from here on every accepted item is durable and may be acknowledged.
  accessCache.clear()
  accepted.forEach((a, i) => {
    const seq = seqs[i]!
    outcomes[a.index] = { ok: true, seq }
    core.auditor.record(user.id, ip, a.item.name, 'write', now)
    const access = accessOf(a.item.name)
    if (access) core.hub.fanOut(a.item.name, a.item.update, seq, access, origin)
  })
  routeBriefs(core, user.id, accepted.map((a) => a.item.name))
  return outcomes
}

export type AccessChangeResult =
  | { ok: true; change: AccessChange }
  | { ok: false; status: 400 | 403 | 404 | 409; error: string }

/**
 * Share (both teams read and write) or transfer (ownership moves; the old team loses access). A case file
 * goes to another team only with a consent covering it or a stated legal basis (provision.ts).
 */
export function changeAccess(
  core: RelayCore, user: Principal, ip: string, kind: 'share' | 'transfer', name: string, toTeam: string,
  legalBasis?: LegalBasis,
): AccessChangeResult {
  if (!isDocName(name)) return { ok: false, status: 400, error: MESSAGES.badName }
  const team = core.storage.listTeams().find((t) => t.id === toTeam)
  if (!team) return { ok: false, status: 400, error: '받을 팀이 없습니다.' }
  const before = core.storage.docAccess(name)
  if (!before) return { ok: false, status: 404, error: '문서를 찾을 수 없습니다.' }
  if (!canChangeAccess(user, before)) {
    core.auditor.record(user.id, ip, name, 'refused')
    return { ok: false, status: 403, error: '이 문서를 의뢰하거나 이관할 권한이 없습니다.' }
  }
  if (kind === 'share' && before.teams.has(toTeam)) return { ok: false, status: 409, error: '이미 그 팀이 볼 수 있는 문서입니다.' }
  if (kind === 'transfer' && before.ownerTeam === toTeam) return { ok: false, status: 409, error: '이미 그 팀의 문서입니다.' }
  const provision = provisionBasis(name, core.storage.mergedState(name), team, legalBasis)
  if (!provision.ok) {
    core.auditor.record(user.id, ip, name, 'refused', Date.now(), `${kind} to=${toTeam} no-consent`)
    return { ok: false, status: 403, error: provision.error }
  }
  const at = Date.now()
  const change = kind === 'share'
    ? core.storage.shareDoc(name, toTeam, user.id, at, provision.basis)
    : core.storage.transferDoc(name, toTeam, user.id, at, provision.basis)
  core.auditor.record(user.id, ip, name, kind, at, provision.basis ? `to=${toTeam} basis=${provision.basis}` : '')
  const after = core.storage.docAccess(name)
  const state = core.storage.mergedState(name)
  if (after && state && !before.teams.has(toTeam)) core.hub.grantTeam(name, toTeam, state, change.seq, after)
  if (kind === 'transfer' && after && !after.teams.has(change.fromTeam)) core.hub.revokeTeam(name, change.fromTeam)
  core.log(`access ${kind} seq=${change.seq}`)
  return { ok: true, change }
}
