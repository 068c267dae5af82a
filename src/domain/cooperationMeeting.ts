// 협력회의: the team's meetings with the providers of its resource directory (date, providers, who came,
// notes). Stored in the team document (src/store/teamDoc.ts) next to the directory.
import * as z from 'zod/mini'
import { DateStringSchema, IdSchema, requiredText, safeText } from './primitives'

/** One provider at the meeting: a directory row (its id) or a name typed in; the name is always kept. */
export const MeetingProviderSchema = z.strictObject({
  /** The directory row it was picked from; the name still reads if that row is later deleted. */
  resourceId: z.optional(IdSchema),
  name: requiredText(200, '기관명을 입력하세요.'),
})
export type MeetingProvider = z.infer<typeof MeetingProviderSchema>

export const CooperationMeetingSchema = z.object({
  id: IdSchema,
  date: DateStringSchema,
  providers: z
    .array(MeetingProviderSchema)
    .check(z.minLength(1, '참여 기관을 하나 이상 고르거나 입력하세요.'), z.maxLength(100, '참여 기관은 100곳까지 적을 수 있습니다.')),
  attendees: z.array(requiredText(50, '참석자 이름을 입력하세요.')).check(z.maxLength(100, '참석자는 100명까지 적을 수 있습니다.')),
  notes: safeText(10_000),
})
export type CooperationMeeting = z.infer<typeof CooperationMeetingSchema>
