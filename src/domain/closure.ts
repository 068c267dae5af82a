// 종결: a date and one reason from the three groups (enums.ts CLOSURE_GROUPS).
import * as z from 'zod/mini'
import { ClosureReasonSchema } from './enums'
import { DateStringSchema, safeText } from './primitives'

export const ClosureSchema = z.object({
  date: DateStringSchema,
  reason: ClosureReasonSchema,
  note: z.optional(safeText(5000)),
})
export type Closure = z.infer<typeof ClosureSchema>
