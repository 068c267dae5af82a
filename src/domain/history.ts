// The case history: stage changes, selection, conferences, closure, referral and transfer between teams.
import { z } from 'zod'
import { HistoryKindSchema } from './enums'
import { InstantSchema, safeText } from './primitives'

export const HistoryEventSchema = z.object({
  at: InstantSchema,
  by: z.string().min(1).max(100).optional(),
  kind: HistoryKindSchema,
  from: z.string().max(100).optional(),
  to: z.string().max(100).optional(),
  note: safeText(2000).optional(),
})
export type HistoryEvent = z.infer<typeof HistoryEventSchema>
