// 점검(모니터링): periodic check on services and the household's situation.
import * as z from 'zod/mini'
import { ContactOutcomeSchema } from './enums'
import { DateStringSchema, IdSchema, safeText } from './primitives'

export const MonitoringNoteSchema = z.object({
  id: IdSchema,
  date: DateStringSchema,
  contact: ContactOutcomeSchema,
  text: safeText(10_000),
})
export type MonitoringNote = z.infer<typeof MonitoringNoteSchema>
