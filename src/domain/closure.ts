// 종결: a date and one reason from the three groups (enums.ts CLOSURE_GROUPS).
import { z } from 'zod'
import { ClosureReasonSchema } from './enums'
import { DateStringSchema, safeText } from './primitives'

export const ClosureSchema = z.object({
  date: DateStringSchema,
  reason: ClosureReasonSchema,
  note: safeText(5000).optional(),
})
export type Closure = z.infer<typeof ClosureSchema>
