// 접수·초기상담: where the referral came from and the presenting problem.
import * as z from 'zod/mini'
import { ReferralSourceSchema } from './enums'
import { DateStringSchema, safeText } from './primitives'

export const IntakeSchema = z.object({
  date: DateStringSchema,
  source: ReferralSourceSchema,
  sourceDetail: z.optional(safeText(200)),
  // May be empty while drafting; the move to 욕구조사 requires it (stageRules.ts).
  presentingProblem: safeText(5000),
})
export type Intake = z.infer<typeof IntakeSchema>
