// Every closed vocabulary of the case file: a const tuple (the values), a zod enum and a type.
// Korean/English labels live in labels.ts, keyed by the names in ENUMS below.
import * as z from 'zod/mini'

export const TARGET_TYPES = ['basic', 'nearPoor', 'lowIncome'] as const
export const TargetTypeSchema = z.enum(TARGET_TYPES)
export type TargetType = z.infer<typeof TargetTypeSchema>

export const REFERRAL_SOURCES = ['dongCenter', 'selfSufficiencyCenter', 'welfareCenter', 'self', 'volunteerReport', 'other'] as const
export const ReferralSourceSchema = z.enum(REFERRAL_SOURCES)
export type ReferralSource = z.infer<typeof ReferralSourceSchema>

export const SERVICE_DOMAINS = ['economy', 'housing', 'health', 'education', 'relationship', 'employment', 'legal', 'other'] as const
export const ServiceDomainSchema = z.enum(SERVICE_DOMAINS)
export type ServiceDomain = z.infer<typeof ServiceDomainSchema>

/** In workflow order; stageRules.ts relies on this order. */
export const STAGES = ['intake', 'assessment', 'selection', 'planning', 'delivery', 'closed', 'followUp'] as const
export const StageSchema = z.enum(STAGES)
export type Stage = z.infer<typeof StageSchema>

export const SELECTION_KINDS = ['caseManagement', 'linkage', 'excluded'] as const
export const SelectionKindSchema = z.enum(SELECTION_KINDS)
export type SelectionKind = z.infer<typeof SelectionKindSchema>

export const CASE_LEVELS = ['general', 'intensive'] as const
export const CaseLevelSchema = z.enum(CASE_LEVELS)
export type CaseLevel = z.infer<typeof CaseLevelSchema>

export const CONFERENCE_KINDS = ['internal', 'council', 'practitioners'] as const
export const ConferenceKindSchema = z.enum(CONFERENCE_KINDS)
export type ConferenceKind = z.infer<typeof ConferenceKindSchema>

export const CONFERENCE_DECISIONS = ['select', 'linkOnly', 'close', 'notSelected', 'continue'] as const
export const ConferenceDecisionSchema = z.enum(CONFERENCE_DECISIONS)
export type ConferenceDecision = z.infer<typeof ConferenceDecisionSchema>

export const LINKAGE_STATUSES = ['planned', 'requested', 'inProgress', 'completed', 'cancelled'] as const
export const LinkageStatusSchema = z.enum(LINKAGE_STATUSES)
export type LinkageStatus = z.infer<typeof LinkageStatusSchema>

export const CLOSURE_REASONS = [
  'longTermGoal',
  'shortTermGoal',
  'improved',
  'movedOut',
  'death',
  'refusal',
  'gaveUp',
  'lostContact',
  'agencyLimit',
] as const
export const ClosureReasonSchema = z.enum(CLOSURE_REASONS)
export type ClosureReason = z.infer<typeof ClosureReasonSchema>

/** 긍정적 종결 / 여건 종결 / 자체 종결 (seed 003). */
export const CLOSURE_GROUP_KEYS = ['positive', 'circumstantial', 'agency'] as const
export const ClosureGroupSchema = z.enum(CLOSURE_GROUP_KEYS)
export type ClosureGroup = z.infer<typeof ClosureGroupSchema>

export const CLOSURE_GROUPS: Readonly<Record<ClosureReason, ClosureGroup>> = {
  longTermGoal: 'positive',
  shortTermGoal: 'positive',
  improved: 'positive',
  movedOut: 'circumstantial',
  death: 'circumstantial',
  refusal: 'circumstantial',
  gaveUp: 'circumstantial',
  lostContact: 'circumstantial',
  agencyLimit: 'agency',
}

/** Reasons of one group, in the order of CLOSURE_REASONS (for grouped pickers). */
export function closureReasonsOf(group: ClosureGroup): ClosureReason[] {
  return CLOSURE_REASONS.filter((r) => CLOSURE_GROUPS[r] === group)
}

export const VISIT_KINDS = ['solo', 'jointHealthCenter', 'jointOther'] as const
export const VisitKindSchema = z.enum(VISIT_KINDS)
export type VisitKind = z.infer<typeof VisitKindSchema>

export const CONTACT_OUTCOMES = ['met', 'reached', 'noAnswer'] as const
export const ContactOutcomeSchema = z.enum(CONTACT_OUTCOMES)
export type ContactOutcome = z.infer<typeof ContactOutcomeSchema>

/** Only these outcomes count as contact (3-month rule, follow-ups done). */
export function isContact(outcome: ContactOutcome): boolean {
  return outcome === 'met' || outcome === 'reached'
}

export const CRISIS_SIGNS = [
  'utilityCutoff',
  'billArrears',
  'rentArrears',
  'unseasonalClothing',
  'wandering',
  'mailPiling',
  'isolation',
  'healthDecline',
  'suicideRisk',
] as const

/** 동 인적 안전망 volunteers (seed 003): 이웃살피미, 복지통장, 동 복지위원, 기타 자원봉사자. */
export const VOLUNTEER_KINDS = ['neighbor', 'tongjang', 'committee', 'other'] as const
export const VolunteerKindSchema = z.enum(VOLUNTEER_KINDS)
export type VolunteerKind = z.infer<typeof VolunteerKindSchema>

/** How often a volunteer checks on an assigned household (안부확인 주기). */
export const CHECK_IN_SCHEDULES = ['weekly', 'biweekly', 'monthly'] as const
export const CheckInScheduleSchema = z.enum(CHECK_IN_SCHEDULES)
export type CheckInSchedule = z.infer<typeof CheckInScheduleSchema>

/** 안부확인 결과: 만남 / 부재 / 거절 / 전화 통화. */
export const CHECK_IN_OUTCOMES = ['met', 'absent', 'refused', 'phone'] as const
export const CheckInOutcomeSchema = z.enum(CHECK_IN_OUTCOMES)
export type CheckInOutcome = z.infer<typeof CheckInOutcomeSchema>

/** The crisis types of the national 복지위기 알림 앱: 생계, 돌봄·보호, 건강·의료, 주거, 일자리. */
export const CRISIS_TYPES = ['livelihood', 'care', 'health', 'housing', 'job'] as const
export const CrisisTypeSchema = z.enum(CRISIS_TYPES)
export type CrisisType = z.infer<typeof CrisisTypeSchema>

export const URGENCIES = ['routine', 'soon', 'urgent'] as const
export const UrgencySchema = z.enum(URGENCIES)
export type Urgency = z.infer<typeof UrgencySchema>
export const CrisisSignSchema = z.enum(CRISIS_SIGNS)
export type CrisisSign = z.infer<typeof CrisisSignSchema>

/** referral/referralAccepted/share/unshare/transfer: access between teams (referral.ts); consent/consentWithdrawn (consent.ts). */
export const HISTORY_KINDS = [
  'stage', 'selection', 'conference', 'closure', 'referral', 'transfer', 'level', 'reopen',
  'referralAccepted', 'share', 'unshare', 'consent', 'reassessment', 'consentWithdrawn', 'volunteerAssigned', 'volunteerEnded',
] as const
export const HistoryKindSchema = z.enum(HISTORY_KINDS)
export type HistoryKind = z.infer<typeof HistoryKindSchema>

/** 희망리본 steps (seeds 000, 004). */
export const SELF_SUFFICIENCY_STEPS = ['basicCounseling', 'jobReadiness', 'workEnvironment', 'jobPlacement', 'afterCare'] as const
export const SelfSufficiencyStepSchema = z.enum(SELF_SUFFICIENCY_STEPS)
export type SelfSufficiencyStep = z.infer<typeof SelfSufficiencyStepSchema>

export const CRISIS_GRADES = ['A', 'B', 'C'] as const
export const CrisisGradeSchema = z.enum(CRISIS_GRADES)
export type CrisisGrade = z.infer<typeof CrisisGradeSchema>

/** 개인정보 제공 동의를 받은 방법: 서면 / 구두. */
export const CONSENT_METHODS = ['written', 'verbal'] as const
export const ConsentMethodSchema = z.enum(CONSENT_METHODS)
export type ConsentMethod = z.infer<typeof ConsentMethodSchema>

/** What allowed a provision to another team: a consent on record, or 사회보장급여법 제15조 (조사·의뢰). */
export const REFERRAL_BASES = ['consent', 'ssa-15'] as const
export const ReferralBasisSchema = z.enum(REFERRAL_BASES)
export type ReferralBasis = z.infer<typeof ReferralBasisSchema>

/** 자원 구분 (자원관리): 공공 (보건소, 주민센터 등 행정기관) / 민간 (복지관, 자활센터 등). */
export const RESOURCE_SECTORS = ['public', 'private'] as const
export const ResourceSectorSchema = z.enum(RESOURCE_SECTORS)
export type ResourceSector = z.infer<typeof ResourceSectorSchema>

/** 자원 유형: 인적 (사람이 제공하는 서비스·상담) / 물적 (물품, 현금, 공간). */
export const RESOURCE_KINDS = ['human', 'material'] as const
export const ResourceKindSchema = z.enum(RESOURCE_KINDS)
export type ResourceKind = z.infer<typeof ResourceKindSchema>

/** Every enum by its label key (labels.ts, pickers, filters). */
export const ENUMS = {
  targetType: TARGET_TYPES,
  referralSource: REFERRAL_SOURCES,
  serviceDomain: SERVICE_DOMAINS,
  stage: STAGES,
  selectionKind: SELECTION_KINDS,
  caseLevel: CASE_LEVELS,
  conferenceKind: CONFERENCE_KINDS,
  conferenceDecision: CONFERENCE_DECISIONS,
  linkageStatus: LINKAGE_STATUSES,
  closureReason: CLOSURE_REASONS,
  closureGroup: CLOSURE_GROUP_KEYS,
  visitKind: VISIT_KINDS,
  contactOutcome: CONTACT_OUTCOMES,
  crisisSign: CRISIS_SIGNS,
  historyKind: HISTORY_KINDS,
  selfSufficiencyStep: SELF_SUFFICIENCY_STEPS,
  crisisGrade: CRISIS_GRADES,
  consentMethod: CONSENT_METHODS,
  referralBasis: REFERRAL_BASES,
  resourceSector: RESOURCE_SECTORS,
  resourceKind: RESOURCE_KINDS,
  volunteerKind: VOLUNTEER_KINDS,
  checkInSchedule: CHECK_IN_SCHEDULES,
  checkInOutcome: CHECK_IN_OUTCOMES,
  crisisType: CRISIS_TYPES,
  urgency: URGENCIES,
} as const
export type EnumName = keyof typeof ENUMS
export type EnumValue<K extends EnumName> = (typeof ENUMS)[K][number]
