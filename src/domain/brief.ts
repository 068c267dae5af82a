// 이웃살피미 brief (안부확인 대상 안내): what a volunteer needs to check on one assigned household, and no more.
// 사회보장급여법 제15조④ allows sharing only the minimum, so a brief is its own document holding exactly
// these fields; it never carries health, notes, members or a 주민등록번호 (the schema is strict).
import * as z from 'zod/mini'
import { addDays, addMonths, dayOf, maxDate } from './dates'
import { CheckInScheduleSchema } from './enums'
import type { CheckInSchedule } from './enums'
import { headOf } from './member'
import type { Member } from './member'
import type { Household } from './household'
import { IdSchema, InstantSchema, PhoneSchema, requiredText, safeText } from './primitives'

export const BriefSchema = z.strictObject({
  id: IdSchema,
  /** The case file this brief was made from (an id only, so check-ins can be linked back). */
  caseId: IdSchema,
  teamId: IdSchema,
  volunteerId: IdSchema,
  assignedBy: IdSchema,
  assignedAt: InstantSchema,
  headName: requiredText(50, '세대주 이름이 없습니다.'),
  address: requiredText(300, '주소를 입력하세요.'),
  phone: z.optional(PhoneSchema),
  schedule: CheckInScheduleSchema,
  /** 살펴볼 점, in the worker's words (not copied from the case file). */
  watchFor: safeText(500),
  /** 주민센터 담당자 연락처, e.g. "신촌동 주민센터 김복지 02-330-1234". */
  centerContact: safeText(200),
  endedAt: z.optional(InstantSchema),
})
export type Brief = z.infer<typeof BriefSchema>

/** The fields a worker chooses when assigning; the rest comes from the case file. */
export interface AssignmentInput {
  volunteerId: string
  schedule: CheckInSchedule
  watchFor: string
  centerContact: string
}

/** Derives a brief from the case's household: the head's name and phone, the address; nothing else. */
export function briefFromCase(
  source: { caseId: string; teamId: string; household: Household; members: readonly Member[] },
  input: AssignmentInput,
  ids: { id: string; assignedBy: string; assignedAt: string },
): Brief {
  const contact = briefContactOf(source.household, source.members)
  return BriefSchema.parse({
    id: ids.id,
    caseId: source.caseId,
    teamId: source.teamId,
    volunteerId: input.volunteerId,
    assignedBy: ids.assignedBy,
    assignedAt: ids.assignedAt,
    ...contact,
    schedule: input.schedule,
    watchFor: input.watchFor,
    centerContact: input.centerContact,
  })
}

/** The part of a brief taken from the case file: the head's name and phone, the address. */
export function briefContactOf(household: Household, members: readonly Member[]): Pick<Brief, 'headName' | 'address' | 'phone'> {
  const head = headOf(members)
  const address = [household.address, household.addressDetail].filter(Boolean).join(' ')
  const phone = head?.phone ?? household.phone
  return { headName: head?.name ?? '(이름 미상)', address, ...(phone ? { phone } : {}) }
}

/** True when the case file's household has changed since the brief was written (the volunteer's copy is old). */
export function isBriefOutdated(brief: Brief, household: Household, members: readonly Member[]): boolean {
  const now = briefContactOf(household, members)
  return now.headName !== brief.headName || now.address !== brief.address || (now.phone ?? '') !== (brief.phone ?? '')
}

export function isBriefActive(brief: Pick<Brief, 'endedAt'>): boolean {
  return !brief.endedAt
}

/** The day the next 안부확인 is due: from the last check-in, else the assignment day itself. */
export function nextCheckInDue(brief: Pick<Brief, 'schedule' | 'assignedAt'>, checkInDates: Iterable<string>): string {
  const last = maxDate(checkInDates)
  if (!last) return dayOf(brief.assignedAt)
  if (brief.schedule === 'weekly') return addDays(last, 7)
  if (brief.schedule === 'biweekly') return addDays(last, 14)
  return addMonths(last, 1)
}
