// 의뢰, 의뢰 수락, 열람 공유 and 공유 해제 (issue 9, "Between teams"). Each asks the relay first (online only;
// the relay checks the consent or legal basis again on its own copy of the case file) and then writes the
// case file's record and history event, which both teams see. Refused, or without a connection, nothing is
// written and a ValidationError carries the Korean reason.
import * as z from 'zod/mini'
import {
  ReferralBasisSchema, ReferralSchema, checkProvision, isActiveShare, isPendingReferral, requiredText, safeText, todayInSeoul,
} from '../domain'
import type { Referral, ReferralBasis, ReferralKind } from '../domain'
import { ACCESS_MESSAGES, RelayAccessError, fetchTeams, postAccess } from '../sync/accessApi'
import type { AccessPath, TeamInfo } from '../sync/accessApi'
import { caseDocName, writeEntity } from './caseDoc'
import { onChange } from './changes'
import { loadCase, mutateCase, newId, nowInstant, refuse } from './commandCore'
import { getDb } from './db'
import { validate } from './validate'

/** Who acts: the signed-in worker (security/session), with the token the relay checks. */
export interface Actor {
  token: string | null
  username: string
  team: string
  teamName?: string
}

export interface ProvisionInput {
  team: TeamInfo
  basis: ReferralBasis
  /** Required for a referral (의뢰 사유), optional for a share. */
  note?: string
}

/** How long a referral waits for the case file's unsent changes (a consent just recorded) to reach the relay. */
const SYNC_WAIT_MS = 10_000

/** The relay calls' fetch, and how long to wait for the case file to be synced (tests shorten both). */
export interface RelayIo {
  fetchImpl?: typeof fetch
  syncWaitMs?: number
}

async function ask(path: AccessPath, actor: Actor, body: { name: string; team?: string; legalBasis?: string }, fetchImpl: typeof fetch): Promise<void> {
  try {
    await postAccess(actor.token, path, body, fetchImpl)
  } catch (err) {
    if (err instanceof RelayAccessError) refuse('', err.message)
    throw err
  }
}

function requireOnline(): void {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) refuse('', ACCESS_MESSAGES.offline)
}

/** The teams to refer to or share with (GET /api/teams). */
export async function listTeams(token: string | null, fetchImpl: typeof fetch = fetch): Promise<TeamInfo[]> {
  try {
    return await fetchTeams(token, fetchImpl)
  } catch (err) {
    if (err instanceof RelayAccessError) refuse('', err.message)
    throw err
  }
}

/** Resolves true once the document has no change the relay has not acknowledged, false after `timeoutMs`. */
export async function whenSynced(name: string, timeoutMs = SYNC_WAIT_MS): Promise<boolean> {
  const db = getDb()
  const synced = async () => (await db.docs.get(name))?.hasPending !== 1
  if (await synced()) return true
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      clearTimeout(timer)
      off()
      resolve(ok)
    }
    const timer = setTimeout(() => finish(false), timeoutMs)
    const off = onChange((e) => {
      if (e.names.includes(name)) void synced().then((ok) => ok && finish(true), () => undefined)
    })
  })
}

/** 의뢰: the team reads the case until one of them accepts it. Returns the referral's id. */
export function referCase(caseId: string, input: ProvisionInput, actor: Actor, io: RelayIo = {}): Promise<string> {
  return provide(caseId, 'referral', input, actor, io)
}

/** 열람 공유: the team (another agency's, say) reads the case and cannot change it. */
export function shareReadOnly(caseId: string, input: ProvisionInput, actor: Actor, io: RelayIo = {}): Promise<string> {
  return provide(caseId, 'share', input, actor, io)
}

const NOTE = { referral: requiredText(1000, '의뢰 사유를 입력하세요.'), share: safeText(1000) }

async function provide(caseId: string, kind: ReferralKind, input: ProvisionInput, actor: Actor, io: RelayIo): Promise<string> {
  const { team } = input
  const { note, basis } = validate(z.object({ note: NOTE[kind], basis: ReferralBasisSchema }), { note: input.note ?? '', basis: input.basis })
  if (team.id === actor.team) refuse('team', '다른 팀을 고르세요.')
  requireOnline()
  const { cf } = await loadCase(caseId)
  const check = checkProvision(cf, [team.id, team.name], basis, todayInSeoul())
  if (!check.ok) refuse('basis', check.reason)
  const name = caseDocName(caseId)
  // The relay judges the consent on its own copy: let a consent recorded just now reach it first.
  await whenSynced(name, io.syncWaitMs)
  await ask(kind === 'referral' ? '/api/refer' : '/api/share-read', actor, { name, team: team.id, ...(basis === 'ssa-15' ? { legalBasis: basis } : {}) }, io.fetchImpl ?? fetch)
  const at = nowInstant()
  const record: Referral = validate(ReferralSchema, {
    id: newId(), kind, toTeam: team.id, toTeamName: team.name, fromTeam: actor.team, note, at, by: actor.username, basis,
    ...(actor.teamName ? { fromTeamName: actor.teamName } : {}), ...(check.consent ? { consentId: check.consent.id } : {}),
  })
  return mutateCase(caseId, () => ({
    result: record.id,
    write: (doc) => writeEntity(doc, 'referrals', record),
    history: [{ at, by: actor.username, kind, from: actor.teamName ?? actor.team, to: team.name, ...(note ? { note } : {}) }],
  }))
}

/** 의뢰 수락, by the team the referral waits at: it becomes the case's owner team. */
export async function acceptReferral(caseId: string, referralId: string, actor: Actor, io: RelayIo = {}): Promise<void> {
  requireOnline()
  const { cf } = await loadCase(caseId)
  const referral = cf.referrals.find((r) => r.id === referralId && r.toTeam === actor.team && isPendingReferral(r))
  if (!referral) refuse('', '이 팀이 수락할 의뢰가 없습니다.')
  await ask('/api/accept', actor, { name: caseDocName(caseId) }, io.fetchImpl ?? fetch)
  const at = nowInstant()
  // Until this write lands the case still shows the referral waiting, which would make it read-only here.
  const accepted: Referral = { ...referral, acceptedAt: at, acceptedBy: actor.username }
  await mutateCase(caseId, () => ({
    result: undefined,
    write: (doc) => writeEntity(doc, 'referrals', accepted),
    history: [{
      at, by: actor.username, kind: 'referralAccepted' as const,
      from: referral.fromTeamName ?? referral.fromTeam ?? '', to: referral.toTeamName ?? referral.toTeam,
    }],
  }), { allowReadOnly: true })
}

/** 공유 해제 (or a referral withdrawn before it was accepted): the team's devices remove the case. */
export async function endShare(caseId: string, referralId: string, actor: Actor, io: RelayIo = {}): Promise<void> {
  requireOnline()
  const { cf } = await loadCase(caseId)
  const record = cf.referrals.find((r) => r.id === referralId && (isActiveShare(r) || isPendingReferral(r)))
  if (!record) refuse('', '해제할 공유가 없습니다.')
  try {
    await postAccess(actor.token, '/api/unshare', { name: caseDocName(caseId), team: record.toTeam }, io.fetchImpl)
  } catch (err) {
    // 409: that team holds the case no more (ended from another device): record it as ended here too.
    if (!(err instanceof RelayAccessError) || err.status !== 409) {
      if (err instanceof RelayAccessError) refuse('', err.message)
      throw err
    }
  }
  const at = nowInstant()
  const ended: Referral = { ...record, endedAt: at, endedBy: actor.username }
  await mutateCase(caseId, () => ({
    result: undefined,
    write: (doc) => writeEntity(doc, 'referrals', ended),
    history: [{ at, by: actor.username, kind: 'unshare' as const, to: record.toTeamName ?? record.toTeam }],
  }))
}

export type { TeamInfo }
