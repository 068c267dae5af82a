// The list summary the relay computes when it stores a case file's update (it already builds the
// merged state to validate it) and sends beside the whole state in a first sync, so a new device can
// list 2,000 case files without rebuilding each Y.Doc. Same summarizeCase as the device; the device
// checks the format and falls back to its own projection for anything it does not accept.
import * as z from 'zod/mini'
import { DEFAULT_DEADLINES } from './deadlines'
import type { DeadlineSettings } from './deadlines'
import { CaseLevelSchema, SelectionKindSchema, StageSchema, TargetTypeSchema } from './enums'
import { CaseIdSchema, DateStringSchema, InstantSchema } from './primitives'
import type { CaseSummary } from './summary'

/** Bumped when CaseSummary changes meaning: a device ignores summaries of another format. 2: selectionOverdue. 3: referredTo. */
export const RELAY_SUMMARY_FORMAT = 3

const DueFlagsSchema = z.strictObject({
  assessmentOverdue: z.boolean(),
  selectionOverdue: z.boolean(),
  planOverdue: z.boolean(),
  visitOverdue: z.boolean(),
  monitoringDue: z.boolean(),
  noContact3m: z.boolean(),
  followUpDue: z.boolean(),
})

const CaseSummarySchema = z.strictObject({
  id: CaseIdSchema,
  headName: z.string().check(z.maxLength(200)),
  memberNames: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100)),
  targetType: TargetTypeSchema,
  stage: StageSchema,
  selectionKind: z.optional(SelectionKindSchema),
  level: CaseLevelSchema,
  address: z.string().check(z.maxLength(500)),
  phones: z.array(z.string().check(z.regex(/^\d{2,15}$/))).check(z.maxLength(101)),
  householdNo: z.optional(z.string().check(z.maxLength(30))),
  nextDue: z.optional(DateStringSchema),
  nextVisitDate: z.optional(DateStringSchema),
  lastContactDate: z.optional(DateStringSchema),
  due: DueFlagsSchema,
  updatedAt: InstantSchema,
  referredTo: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(100))),
})

const RelaySummarySchema = z.strictObject({
  f: z.literal(RELAY_SUMMARY_FORMAT),
  /** The day (Asia/Seoul) the due flags were computed for, with DEFAULT_DEADLINES. */
  day: DateStringSchema,
  s: CaseSummarySchema,
})

export function encodeRelaySummary(summary: CaseSummary, day: string): string {
  return JSON.stringify({ f: RELAY_SUMMARY_FORMAT, day, s: summary })
}

/** The summary and the day its due flags hold for, or null for anything malformed or of another format. */
export function decodeRelaySummary(body: string): { day: string; summary: CaseSummary } | null {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return null
  }
  const parsed = RelaySummarySchema.safeParse(json)
  if (!parsed.success) return null
  const { day, s } = parsed.data
  const summary: CaseSummary = {
    id: s.id, headName: s.headName, memberNames: s.memberNames, targetType: s.targetType, stage: s.stage, level: s.level,
    address: s.address, phones: s.phones, due: s.due, updatedAt: s.updatedAt,
  }
  if (s.householdNo !== undefined) summary.householdNo = s.householdNo
  if (s.nextDue !== undefined) summary.nextDue = s.nextDue
  if (s.selectionKind !== undefined) summary.selectionKind = s.selectionKind
  if (s.nextVisitDate !== undefined) summary.nextVisitDate = s.nextVisitDate
  if (s.lastContactDate !== undefined) summary.lastContactDate = s.lastContactDate
  if (s.referredTo !== undefined) summary.referredTo = s.referredTo
  return { day, summary }
}

/** True when due flags computed with the relay's defaults also hold for these settings. */
export function usesDefaultDeadlines(settings: DeadlineSettings): boolean {
  const keys = Object.keys(DEFAULT_DEADLINES) as (keyof DeadlineSettings)[]
  return keys.every((k) => settings[k] === DEFAULT_DEADLINES[k])
}
