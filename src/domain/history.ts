// The case history: stage changes, selection, conferences, closure, referral and transfer between teams.
import * as z from 'zod/mini'
import { HistoryKindSchema } from './enums'
import { InstantSchema, safeText } from './primitives'

export const HistoryEventSchema = z.object({
  at: InstantSchema,
  by: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  kind: HistoryKindSchema,
  from: z.optional(z.string().check(z.maxLength(100))),
  to: z.optional(z.string().check(z.maxLength(100))),
  note: z.optional(safeText(2000)),
})
export type HistoryEvent = z.infer<typeof HistoryEventSchema>
