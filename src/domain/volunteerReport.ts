// What volunteers send (사회보장급여법 제13조: 통장 and volunteers report people in crisis): a 안부확인
// (check-in) on an assigned household, or a 사각지대 발굴 report of someone new. Each is its own document,
// written by the volunteer; the worker's handling (확인, 접수로 전환, 기존 사례에 연결) sits beside it.
import * as z from 'zod/mini'
import { addDays, daysBetween, dayOf } from './dates'
import { CheckInOutcomeSchema, CrisisSignSchema, CrisisTypeSchema, UrgencySchema, VolunteerKindSchema } from './enums'
import type { CrisisSign } from './enums'
import { DateStringSchema, IdSchema, InstantSchema, requiredText, safeText } from './primitives'

const isUnique = (list: readonly unknown[]): boolean => new Set(list).size === list.length
const signs = z.array(CrisisSignSchema).check(z.refine(isUnique, '위기 징후가 중복되었습니다.'))

/** Who sent it and when; the same on both kinds. */
const sender = {
  id: IdSchema,
  teamId: IdSchema,
  by: IdSchema,
  byKind: VolunteerKindSchema,
  createdAt: InstantSchema,
}

export const CheckInSchema = z.strictObject({
  ...sender,
  kind: z.literal('checkin'),
  briefId: IdSchema,
  date: DateStringSchema,
  outcome: CheckInOutcomeSchema,
  signs,
  note: safeText(500),
  contactRequested: z.boolean(),
})
export type CheckIn = z.infer<typeof CheckInSchema>

/** A photo downscaled on the phone (JPEG, longest side ≤ 1280 px), as a data URL. */
export const PhotoSchema = z.strictObject({
  id: IdSchema,
  dataUrl: z.string().check(z.regex(/^data:image\/jpeg;base64,[A-Za-z0-9+/=]+$/, '사진 형식이 올바르지 않습니다.'), z.maxLength(700_000)),
})
export type Photo = z.infer<typeof PhotoSchema>
export const MAX_PHOTOS = 3

export const LocationSchema = z.strictObject({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
  accuracyM: z.number().check(z.gte(0)),
})

export const DiscoverySchema = z.strictObject({
  ...sender,
  kind: z.literal('discovery'),
  date: DateStringSchema,
  place: requiredText(300, '어디인지 적어 주세요 (주소나 눈에 띄는 곳).'),
  who: requiredText(300, '어떤 분인지 적어 주세요.'),
  name: z.optional(safeText(50)),
  signs,
  crisisTypes: z.array(CrisisTypeSchema).check(z.refine(isUnique, '위기 유형이 중복되었습니다.')),
  urgency: UrgencySchema,
  /** Did the person agree to be contacted by the 주민센터? */
  consentToContact: z.boolean(),
  note: safeText(500),
  location: z.optional(LocationSchema),
  photos: z.array(PhotoSchema).check(z.maxLength(MAX_PHOTOS, `사진은 ${MAX_PHOTOS}장까지입니다.`)),
})
export type Discovery = z.infer<typeof DiscoverySchema>

export const VolunteerReportSchema = z.discriminatedUnion('kind', [CheckInSchema, DiscoverySchema])
export type VolunteerReport = z.infer<typeof VolunteerReportSchema>

const stamp = { by: IdSchema, at: InstantSchema }
/** The worker's side of a report; a volunteer's device never writes it (the relay refuses that). */
export const HandlingSchema = z.strictObject({
  ack: z.optional(z.strictObject(stamp)),
  /** 접수로 전환: the case opened from this report. */
  intake: z.optional(z.strictObject({ ...stamp, caseId: IdSchema })),
  /** 기존 사례에 연결: the monitoring entry this check-in became. */
  linked: z.optional(z.strictObject({ ...stamp, caseId: IdSchema, monitoringId: IdSchema })),
})
export type Handling = z.infer<typeof HandlingSchema>

/** What the volunteer sees of the worker's handling, never the case itself. */
export type ReportStatus = 'sent' | 'acknowledged' | 'received'
export function reportStatus(handling: Handling): ReportStatus {
  if (handling.intake || handling.linked) return 'received'
  return handling.ack ? 'acknowledged' : 'sent'
}

const URGENT_SIGNS: ReadonlySet<CrisisSign> = new Set(['suicideRisk', 'utilityCutoff'])

/** Urgent in the inbox: 자살 위험 징후, 단전·단수·단가스, a contact request, or a report marked 긴급. */
export function isUrgent(report: VolunteerReport): boolean {
  if (report.signs.some((s) => URGENT_SIGNS.has(s))) return true
  return report.kind === 'checkin' ? report.contactRequested : report.urgency === 'urgent'
}

/** A reported household is contacted within 14 days (national 복지위기 발굴 process). */
export const DISCOVERY_CONTACT_DAYS = 14
export function discoveryDue(report: Discovery): string {
  return addDays(dayOf(report.createdAt), DISCOVERY_CONTACT_DAYS)
}
/** A discovery nobody has turned into a case or linked by its 14th day. */
export function isDiscoveryOverdue(report: Discovery, handling: Handling, today: string): boolean {
  return !handling.intake && !handling.linked && daysBetween(discoveryDue(report), today) > 0
}

export interface InboxItem {
  name: string
  report: VolunteerReport
  handling: Handling
}

/** Inbox order: open urgent items first, then other open items, then handled ones; newest first within each. */
export function inboxOrder(items: readonly InboxItem[]): InboxItem[] {
  const rank = (i: InboxItem) => (i.handling.ack || i.handling.intake || i.handling.linked ? 2 : isUrgent(i.report) ? 0 : 1)
  return [...items].sort((a, b) => rank(a) - rank(b) || (a.report.createdAt < b.report.createdAt ? 1 : a.report.createdAt > b.report.createdAt ? -1 : 0))
}

/** Open urgent items: the badge in the top bar. */
export function urgentOpenCount(items: readonly InboxItem[]): number {
  return items.filter((i) => !i.handling.ack && !i.handling.intake && !i.handling.linked && isUrgent(i.report)).length
}

/** Discoveries past their 14-day contact deadline (the badge and the inbox flag them). */
export function overdueDiscoveries(items: readonly InboxItem[], today: string): InboxItem[] {
  return items.filter((i) => i.report.kind === 'discovery' && isDiscoveryOverdue(i.report, i.handling, today))
}
