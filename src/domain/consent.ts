// 개인정보 수집·이용 및 제3자 제공 동의: when it was given, to whom or for what (scope), how (서면 / 구두),
// and its withdrawal. A referral or share outside the team needs a consent in effect that covers the
// receiving team (개인정보 보호법 제17조·제18조), or a stated legal basis (사회보장급여법 제15조 조사·의뢰).
import * as z from 'zod/mini'
import { ConsentMethodSchema } from './enums'
import { DateStringSchema, IdSchema, InstantSchema, requiredText, safeText } from './primitives'

/** Provision without consent: 사회보장급여법 제15조 (지원대상자 조사·의뢰); what the relay API accepts as `legalBasis`. */
export const LEGAL_BASES = ['ssa-15'] as const
export const LegalBasisSchema = z.enum(LEGAL_BASES)
export type LegalBasis = z.infer<typeof LegalBasisSchema>

export const MAX_SCOPE_ENTRIES = 20

/**
 * Stored shape: no rule across fields (a withdrawal date edited apart from the consent date must not
 * make the reader drop the record); `consentProblem` holds those for commands.
 */
export const ConsentSchema = z.object({
  id: IdSchema,
  /** The day the consent was given. */
  date: DateStringSchema,
  /** Agencies (team names) or purposes it covers, one entry each. */
  scope: z.array(requiredText(100, '동의 범위를 입력하세요.')).check(
    z.minLength(1, '동의 범위(기관 또는 목적)를 하나 이상 입력하세요.'),
    z.maxLength(MAX_SCOPE_ENTRIES, `동의 범위는 ${MAX_SCOPE_ENTRIES}개까지 입력할 수 있습니다.`),
  ),
  method: ConsentMethodSchema,
  note: z.optional(safeText(500)),
  recordedAt: InstantSchema,
  recordedBy: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  /** The day the withdrawal takes effect: from that day on the consent covers nothing. */
  withdrawnAt: z.optional(DateStringSchema),
})
export type Consent = z.infer<typeof ConsentSchema>

/** The rules a command checks beyond the stored shape; null when none is broken. */
export function consentProblem(c: Pick<Consent, 'date' | 'withdrawnAt'>, today: string): { path: string; message: string } | null {
  if (c.date > today) return { path: 'date', message: '동의일은 오늘 이후일 수 없습니다.' }
  if (c.withdrawnAt !== undefined && c.withdrawnAt < c.date) return { path: 'withdrawnAt', message: '철회일은 동의일 이후여야 합니다.' }
  if (c.withdrawnAt !== undefined && c.withdrawnAt > today) return { path: 'withdrawnAt', message: '철회일은 오늘 이후일 수 없습니다.' }
  return null
}

export function consentInEffect(c: Consent, today: string): boolean {
  return c.date <= today && (c.withdrawnAt === undefined || c.withdrawnAt > today)
}

/** Scope entries and recipients compare without spaces and case: '희망복지 지원단' = '희망복지지원단'. */
export const normalizeScope = (s: string): string => s.replace(/\s+/g, '').toLowerCase()

/** True when the consent is in effect today and one of its scope entries names one of `recipient`. */
export function consentCovers(c: Consent, recipient: string | readonly string[], today: string): boolean {
  if (!consentInEffect(c, today)) return false
  const names = (typeof recipient === 'string' ? [recipient] : recipient).map(normalizeScope).filter(Boolean)
  return c.scope.some((entry) => names.includes(normalizeScope(entry)))
}

/**
 * The consent that allows providing the case to `recipient` today (a team's id and name, or a purpose),
 * the most recent first; undefined when none does.
 */
export function providesTo(cf: { consents: readonly Consent[] }, recipient: string | readonly string[], today: string): Consent | undefined {
  return [...cf.consents]
    .sort((a, b) => b.date.localeCompare(a.date) || b.recordedAt.localeCompare(a.recordedAt))
    .find((c) => consentCovers(c, recipient, today))
}
