// 사후관리: a check after closure (schedule in deadlines.ts).
import * as z from 'zod/mini'
import { ContactOutcomeSchema } from './enums'
import { DateStringSchema, IdSchema, safeText } from './primitives'

export const FollowUpSchema = z.object({
  id: IdSchema,
  date: DateStringSchema,
  contact: ContactOutcomeSchema,
  note: safeText(5000),
})
export type FollowUp = z.infer<typeof FollowUpSchema>
