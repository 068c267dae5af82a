// 의뢰 and 열람 공유 between teams (seed 003: 초기상담 at the 동 주민센터, 접수 at the 희망복지지원단). A referral
// gives the receiving team the case to read until one of them accepts it; accepting makes that team the
// owner and leaves the referring team able to read and write. A read-only share lets another team read;
// ending it (공유 해제) removes the case from that team's devices. The relay holds who may see what; these
// records are the case file's own account of it, and what the device shows offline.
import * as z from 'zod/mini'
import { providesTo } from './consent'
import type { Consent } from './consent'
import { ReferralBasisSchema } from './enums'
import type { ReferralBasis } from './enums'
import { IdSchema, InstantSchema, safeText } from './primitives'

export const REFERRAL_KINDS = ['referral', 'share'] as const
export const ReferralKindSchema = z.enum(REFERRAL_KINDS)
export type ReferralKind = z.infer<typeof ReferralKindSchema>

const TeamIdSchema = z.string().check(z.minLength(1), z.maxLength(100))
const NameSchema = z.string().check(z.maxLength(100))

export const ReferralSchema = z.object({
  id: IdSchema,
  kind: ReferralKindSchema,
  toTeam: TeamIdSchema,
  toTeamName: z.optional(NameSchema),
  fromTeam: z.optional(TeamIdSchema),
  fromTeamName: z.optional(NameSchema),
  note: safeText(1000),
  at: InstantSchema,
  by: z.optional(NameSchema),
  basis: ReferralBasisSchema,
  consentId: z.optional(IdSchema),
  acceptedAt: z.optional(InstantSchema),
  acceptedBy: z.optional(NameSchema),
  /** 공유 해제 or a referral withdrawn before it was accepted. */
  endedAt: z.optional(InstantSchema),
  endedBy: z.optional(NameSchema),
})
export type Referral = z.infer<typeof ReferralSchema>

export const isPendingReferral = (r: Referral): boolean => r.kind === 'referral' && !r.acceptedAt && !r.endedAt
export const isActiveShare = (r: Referral): boolean => r.kind === 'share' && !r.endedAt

/** Teams a referral is waiting at (의뢰 받음 in their list). */
export function referredTeams(cf: { referrals: readonly Referral[] }): string[] {
  return [...new Set(cf.referrals.filter(isPendingReferral).map((r) => r.toTeam))].sort()
}

/**
 * The team that owns the case by its records: the creating team, then each accepted referral's receiving
 * team in the order accepted (undefined for a case made before teams were recorded). Only the owner refers, shares or ends a share (the relay's canChangeAccess).
 */
export function ownerTeamOf(cf: { meta: { teamId?: string }; referrals: readonly Referral[] }): string | undefined {
  const accepted = cf.referrals
    .filter((r) => r.kind === 'referral' && r.acceptedAt)
    .sort((a, b) => a.acceptedAt!.localeCompare(b.acceptedAt!))
  return accepted.length ? accepted[accepted.length - 1]!.toTeam : cf.meta.teamId
}

export type TeamAccess = 'referred' | 'readOnly' | 'full'

/** What `team` may do with the case by its records: read a referral until accepting it, read a share, or all. */
export function teamAccessIn(cf: { referrals: readonly Referral[] }, team: string): TeamAccess {
  if (cf.referrals.some((r) => r.toTeam === team && isPendingReferral(r))) return 'referred'
  if (cf.referrals.some((r) => r.toTeam === team && isActiveShare(r))) return 'readOnly'
  return 'full'
}

export const READ_ONLY_MESSAGES: Record<Exclude<TeamAccess, 'full'>, string> = {
  referred: '의뢰 받은 사례는 수락한 뒤에 수정할 수 있습니다.',
  readOnly: '열람만 공유된 사례라 수정할 수 없습니다.',
}

export const CONSENT_REQUIRED_MESSAGE =
  '이 기관에 제공하는 데 동의한 기록이 없습니다. 개인정보 제3자 제공 동의를 기록하거나(개인정보 보호법 제17조·제18조), 법적 근거(사회보장급여법 제15조 조사·의뢰)를 선택하세요.'

/**
 * Whether a case may go to `recipient` (the team's id and name) on `basis` today: a stated legal basis
 * always may; a consent basis needs one in effect that covers the team. Returns the consent used.
 */
export function checkProvision(
  cf: { consents: readonly Consent[] }, recipient: readonly string[], basis: ReferralBasis, today: string,
): { ok: true; consent?: Consent } | { ok: false; reason: string } {
  if (basis === 'ssa-15') return { ok: true }
  const consent = providesTo(cf, recipient, today)
  return consent ? { ok: true, consent } : { ok: false, reason: CONSENT_REQUIRED_MESSAGE }
}
