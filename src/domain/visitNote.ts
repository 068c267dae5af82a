// 방문상담: one home visit, possibly with nobody home (contact 'noAnswer').
import * as z from 'zod/mini'
import { ContactOutcomeSchema, CrisisSignSchema, VisitKindSchema } from './enums'
import { dayOf } from './dates'
import { DateStringSchema, IdSchema, InstantSchema, requiredText, safeText } from './primitives'

export const VisitNoteSchema = z.object({
  id: IdSchema,
  visitedAt: InstantSchema,
  visitors: z.array(requiredText(50, '방문자 이름을 입력하세요.')).check(z.maxLength(20)),
  kind: VisitKindSchema,
  contact: ContactOutcomeSchema,
  welfareCheck: safeText(5000),
  health: safeText(5000),
  housing: safeText(5000),
  crisisSigns: z.array(CrisisSignSchema).check(z.refine((s) => new Set(s).size === s.length, '위기 징후가 중복되었습니다.')),
  observations: safeText(20_000),
  nextSteps: safeText(5000),
  nextVisitDate: z.optional(DateStringSchema),
})
export type VisitNote = z.infer<typeof VisitNoteSchema>

/** The Seoul calendar day of the visit. */
export function visitDate(visit: Pick<VisitNote, 'visitedAt'>): string {
  return dayOf(visit.visitedAt)
}
