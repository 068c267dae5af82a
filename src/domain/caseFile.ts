// The case file (사례): one Y.Doc per case in the store; this is its plain, validated shape.
import * as z from 'zod/mini'
import { AssessmentSchema } from './assessment'
import { ClosureSchema } from './closure'
import { ConferenceSchema } from './conference'
import { ConsentSchema } from './consent'
import { CaseLevelSchema, CrisisGradeSchema, SelfSufficiencyStepSchema, StageSchema } from './enums'
import { FollowUpSchema } from './followUp'
import { HistoryEventSchema } from './history'
import { HouseholdSchema } from './household'
import { IntakeSchema } from './intake'
import { LinkageSchema } from './linkage'
import { MemberSchema } from './member'
import { MonitoringNoteSchema } from './monitoring'
import { CaseIdSchema, InstantSchema } from './primitives'
import { ReferralSchema } from './referral'
import { StoredSelectionSchema } from './selection'
import { shapeProblem } from './storedShape'
import { ServicePlanSchema } from './servicePlan'
import { VisitNoteSchema } from './visitNote'

/** Bumped when the case file shape changes; migrateCaseFile() lifts older files. */
export const CASE_SCHEMA_VERSION = 1

/** A programme track on top of the common stages (자활 희망리본, seeds 000 and 004). */
export const TrackSchema = z.object({
  kind: z.literal('selfSufficiency'),
  step: SelfSufficiencyStepSchema,
  crisisGrade: z.optional(CrisisGradeSchema),
})
export type Track = z.infer<typeof TrackSchema>

export const CaseMetaSchema = z.object({
  schemaVersion: z.literal(CASE_SCHEMA_VERSION),
  id: CaseIdSchema,
  createdAt: InstantSchema,
  createdBy: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  teamId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  stage: StageSchema,
  level: CaseLevelSchema,
  track: z.optional(TrackSchema),
  // Optional addition to the contract: last change time, if the store keeps it (summary.updatedAt).
  updatedAt: z.optional(InstantSchema),
})
export type CaseMeta = z.infer<typeof CaseMetaSchema>

const uniqueIds = (items: readonly { id: string }[]) => new Set(items.map((i) => i.id)).size === items.length

const caseFileShape = {
  meta: CaseMetaSchema,
  household: HouseholdSchema,
  members: z.array(MemberSchema).check(z.minLength(1, '가구원을 한 명 이상 입력하세요.')),
  intake: IntakeSchema,
  assessment: AssessmentSchema,
  selection: z.optional(StoredSelectionSchema),
  conferences: z.array(ConferenceSchema),
  plan: z.optional(ServicePlanSchema),
  linkages: z.array(LinkageSchema),
  monitoring: z.array(MonitoringNoteSchema),
  visits: z.array(VisitNoteSchema),
  closure: z.optional(ClosureSchema),
  followUps: z.array(FollowUpSchema),
  history: z.array(HistoryEventSchema),
  /** 개인정보 제공 동의 and 의뢰 / 열람 공유 between teams (consent.ts, referral.ts); files from before them have none. */
  consents: z._default(z.array(ConsentSchema), () => []),
  referrals: z._default(z.array(ReferralSchema), () => []),
}

type CaseFileShape = z.infer<z.ZodMiniObject<typeof caseFileShape>>

/** The rules across entities (unique ids, one head, linkages to members of this household). */
const caseFileRules = z.superRefine((cf: CaseFileShape, ctx) => {
  if (!uniqueIds(cf.members)) ctx.addIssue({ code: 'custom', path: ['members'], message: '가구원 식별자가 중복되었습니다.' })
  if (cf.members.filter((m) => m.isHead).length > 1) {
    ctx.addIssue({ code: 'custom', path: ['members'], message: '가구주는 한 명만 지정할 수 있습니다.' })
  }
  const memberIds = new Set(cf.members.map((m) => m.id))
  cf.linkages.forEach((l, i) => {
    if (l.memberIds.some((id) => !memberIds.has(id))) {
      ctx.addIssue({ code: 'custom', path: ['linkages', i, 'memberIds'], message: '이 가구에 없는 가구원이 연계 대상에 있습니다.' })
    }
  })
})

export const CaseFileSchema = z.object(caseFileShape).check(caseFileRules)
export type CaseFile = z.infer<typeof CaseFileSchema>

/**
 * The case file's checks with its entity lists taken as they are, the rules across entities included:
 * for a reader that already checked (and parsed) every entity on its own, so it can skip a broken one
 * (src/store/caseDoc.ts) without checking each entity twice.
 */
const CaseFileCheckedEntitiesSchema = z
  .object({
    ...caseFileShape,
    members: z.array(z.custom<z.infer<typeof MemberSchema>>()).check(z.minLength(1, '가구원을 한 명 이상 입력하세요.')),
    conferences: z.array(z.custom<z.infer<typeof ConferenceSchema>>()),
    linkages: z.array(z.custom<z.infer<typeof LinkageSchema>>()),
    monitoring: z.array(z.custom<z.infer<typeof MonitoringNoteSchema>>()),
    visits: z.array(z.custom<z.infer<typeof VisitNoteSchema>>()),
    followUps: z.array(z.custom<z.infer<typeof FollowUpSchema>>()),
    history: z.array(z.custom<z.infer<typeof HistoryEventSchema>>()),
    consents: z._default(z.array(z.custom<z.infer<typeof ConsentSchema>>()), () => []),
    referrals: z._default(z.array(z.custom<z.infer<typeof ReferralSchema>>()), () => []),
  })
  .check(caseFileRules)

/** Result of reading a stored case file of any known version. */
export type MigrationResult = { ok: true; caseFile: CaseFile } | { ok: false; reason: string }

/**
 * Lifts a stored case file to CASE_SCHEMA_VERSION and validates it; only version 1 exists so far.
 * `entitiesChecked`: every entity in the lists is already the output of its own schema, so only the
 * rest of the file and the rules across entities are checked (an older version is checked in full).
 */
export function migrateCaseFile(raw: unknown, options: { entitiesChecked?: boolean } = {}): MigrationResult {
  const version = (raw as { meta?: { schemaVersion?: unknown } } | null)?.meta?.schemaVersion
  if (typeof version !== 'number') return { ok: false, reason: '사례 파일에 스키마 버전이 없습니다.' }
  if (version > CASE_SCHEMA_VERSION) {
    return { ok: false, reason: '더 새로운 버전의 앱에서 만든 사례입니다. 앱을 업데이트하세요.' }
  }
  // Future versions: `if (version === 1) raw = from1to2(raw)` and so on, each a pure function.
  const schema = options.entitiesChecked && version === CASE_SCHEMA_VERSION ? CaseFileCheckedEntitiesSchema : CaseFileSchema
  const parsed = schema.safeParse(raw)
  if (!parsed.success) return { ok: false, reason: `사례 파일이 올바르지 않습니다: ${parsed.error.issues[0]?.message ?? ''}` }
  return { ok: true, caseFile: parsed.data }
}

/**
 * The first shape problem of a stored case file (storedShape.ts: a wrong type or value, not a rule a
 * merge can break), checked like migrateCaseFile reads it; null when it has none or is of a newer
 * version (a newer app's file is not judged by this one's schema).
 */
export function caseFileShapeProblem(raw: unknown, options: { entitiesChecked?: boolean } = {}): string | null {
  const version = (raw as { meta?: { schemaVersion?: unknown } } | null)?.meta?.schemaVersion
  if (typeof version !== 'number') return 'meta.schemaVersion: 사례 파일에 스키마 버전이 없습니다.'
  if (version > CASE_SCHEMA_VERSION) return null
  return shapeProblem(options.entitiesChecked && version === CASE_SCHEMA_VERSION ? CaseFileCheckedEntitiesSchema : CaseFileSchema, raw)
}
