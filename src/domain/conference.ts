// 사례회의: held whenever needed (수시), at any stage; its decision may carry a selection or closure.
import * as z from 'zod/mini'
import { ConferenceDecisionSchema, ConferenceKindSchema } from './enums'
import { DateStringSchema, IdSchema, requiredText, safeText } from './primitives'

export const ConferenceSchema = z.object({
  id: IdSchema,
  kind: ConferenceKindSchema,
  date: DateStringSchema,
  attendees: z.array(requiredText(50, '참석자 이름을 입력하세요.')).check(z.maxLength(50)),
  decision: ConferenceDecisionSchema,
  notes: safeText(10_000),
})
export type Conference = z.infer<typeof ConferenceSchema>
