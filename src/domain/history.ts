// The case history: stage changes, selection, conferences, closure, referral and transfer between teams,
// case level changes (with their reason), reopening, which keeps the closure it cleared, and
// re-assessment (재판정), which keeps the assessment it replaced: a case holds several dated assessments.
import * as z from 'zod/mini'
import { AssessmentSchema } from './assessment'
import type { Assessment } from './assessment'
import { ClosureSchema } from './closure'
import { HistoryKindSchema } from './enums'
import { InstantSchema, safeText } from './primitives'

export const HistoryEventSchema = z.object({
  at: InstantSchema,
  by: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  kind: HistoryKindSchema,
  from: z.optional(z.string().check(z.maxLength(100))),
  to: z.optional(z.string().check(z.maxLength(100))),
  note: z.optional(safeText(2000)),
  /** 'reopen': the closure the case had until it was reopened (the current state no longer holds it). */
  closure: z.optional(ClosureSchema),
  /** 'reassessment': the assessment that was current until then (the latest one is the case's assessment). */
  assessment: z.optional(AssessmentSchema),
})
export type HistoryEvent = z.infer<typeof HistoryEventSchema>

/** Earlier assessments, newest first (each kept by the 재판정 that replaced it). */
export function pastAssessments(history: readonly HistoryEvent[]): { replacedAt: string; assessment: Assessment }[] {
  return history
    .filter((h) => h.kind === 'reassessment' && h.assessment !== undefined)
    .map((h) => ({ replacedAt: h.at, assessment: h.assessment as Assessment }))
    .sort((a, b) => b.replacedAt.localeCompare(a.replacedAt))
}
