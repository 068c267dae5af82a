// The case history: stage changes, selection, conferences, closure, referral and transfer between teams,
// case level changes (with their reason) and reopening, which keeps the closure it cleared.
import * as z from 'zod/mini'
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
})
export type HistoryEvent = z.infer<typeof HistoryEventSchema>
