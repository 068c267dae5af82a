// Case-level commands: create, household, members, intake, assessment, selection, stage, closure.
// Entity commands (conferences, plan, linkages, notes, visits) live in entityCommands.ts.
import type * as Y from 'yjs'
import * as z from 'zod/mini'
import {
  AssessmentSchema,
  CASE_SCHEMA_VERSION,
  CaseFileSchema,
  ClosureSchema,
  CrisisSignSchema,
  HouseholdSchema,
  IntakeSchema,
  MemberSchema,
  NeedSchema,
  SelectionSchema,
  ServiceDomainSchema,
  StageSchema,
  CaseLevelSchema,
  assessedDomains,
  checkReopen,
  checkTransition,
  requiredText,
} from '../domain'
import type {
  CaseFile,
  CaseLevel,
  Closure,
  CrisisSign,
  Member,
  Selection,
  ServiceDomain,
  Stage,
  Track,
} from '../domain'
import {
  caseDocName,
  childMap,
  hasCaseFile,
  readCaseFile,
  rootMap,
  writeAssessment,
  writeEntity,
  writeIntake,
  writeNewCase,
  writeOptional,
  writeRecord,
} from './caseDoc'
import { LOCAL_ORIGIN, mutateCase, newId, nowInstant, refuse } from './commandCore'
import { openDoc, whenWritten } from './docStore'
import { TransitionError } from './errors'
import { validate } from './validate'

export type MemberInput = Omit<z.input<typeof MemberSchema>, 'id' | 'isHead'> & { id?: string; isHead?: boolean }
export type HouseholdInput = z.input<typeof HouseholdSchema>
export type IntakeInput = z.input<typeof IntakeSchema>

export interface CreateCaseInput {
  household: HouseholdInput
  members: MemberInput[]
  intake: IntakeInput
  level: CaseLevel
  track?: Track
  createdBy?: string
  teamId?: string
}

/** Builds and validates a new case file (also used by the demo generator). */
export function buildNewCase(input: CreateCaseInput, id: string = newId(), createdAt: string = nowInstant()): CaseFile {
  const members = (input.members ?? []).map((m, i) => ({
    ...m,
    id: m.id ?? newId(),
    isHead: m.isHead ?? false,
    _index: i,
  }))
  if (members.length && !members.some((m) => m.isHead) && members[0]) members[0].isHead = true
  const meta: Record<string, unknown> = { schemaVersion: CASE_SCHEMA_VERSION, id, createdAt, stage: 'intake', level: input.level }
  if (input.track) meta.track = input.track
  if (input.createdBy) meta.createdBy = input.createdBy
  if (input.teamId) meta.teamId = input.teamId
  return validate(CaseFileSchema, {
    meta,
    household: input.household,
    members: members.map(({ _index: _i, ...m }) => m),
    intake: input.intake,
    assessment: { needs: {}, crisisSigns: [] },
    conferences: [],
    linkages: [],
    monitoring: [],
    visits: [],
    followUps: [],
    history: [],
    consents: [],
    referrals: [],
  })
}

/** Creates a case file (stage 접수) and returns its id. */
export async function createCase(input: CreateCaseInput): Promise<string> {
  const cf = buildNewCase(input)
  const name = caseDocName(cf.meta.id)
  const doc = await openDoc(name)
  doc.transact(() => writeNewCase(doc, cf), LOCAL_ORIGIN)
  await whenWritten(name)
  return cf.meta.id
}

/** The current case file, or undefined when the device holds none with this id. */
export async function getCaseFile(caseId: string): Promise<CaseFile | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(caseId)) return undefined
  const doc = await openDoc(caseDocName(caseId))
  return hasCaseFile(doc) ? readCaseFile(doc) : undefined
}

export async function updateHousehold(caseId: string, patch: Partial<HouseholdInput>): Promise<void> {
  await mutateCase(caseId, (cf) => {
    const household = validate(HouseholdSchema, { ...cf.household, ...patch })
    return { result: undefined, write: (doc) => writeRecord(rootMap(doc, 'household'), household, []) }
  })
}

function memberOf(cf: CaseFile, memberId: string): Member {
  return cf.members.find((m) => m.id === memberId) ?? refuse('memberId', '가구원을 찾을 수 없습니다.')
}

/** Makes `headId` the only head (a new head replaces the old one). */
function unsetOtherHeads(doc: Y.Doc, cf: CaseFile, headId: string): void {
  const members = rootMap(doc, 'members')
  for (const m of cf.members) {
    if (m.id !== headId && m.isHead) childMap(members, m.id).set('isHead', false)
  }
}

export async function addMember(caseId: string, input: MemberInput): Promise<string> {
  return mutateCase(caseId, (cf) => {
    const member = validate(MemberSchema, { ...input, id: input.id ?? newId(), isHead: input.isHead ?? false })
    if (cf.members.some((m) => m.id === member.id)) refuse('id', '가구원 식별자가 중복되었습니다.')
    return {
      result: member.id,
      write: (doc) => {
        writeEntity(doc, 'members', member)
        if (member.isHead) unsetOtherHeads(doc, cf, member.id)
      },
    }
  })
}

export async function updateMember(caseId: string, memberId: string, patch: Partial<MemberInput>): Promise<void> {
  await mutateCase(caseId, (cf) => {
    const member = validate(MemberSchema, { ...memberOf(cf, memberId), ...patch, id: memberId })
    return {
      result: undefined,
      write: (doc) => {
        writeEntity(doc, 'members', member)
        if (member.isHead) unsetOtherHeads(doc, cf, member.id)
      },
    }
  })
}

export async function removeMember(caseId: string, memberId: string): Promise<void> {
  await mutateCase(caseId, (cf) => {
    const member = memberOf(cf, memberId)
    if (cf.members.length === 1) refuse('members', '가구원을 한 명 이상 입력하세요.')
    if (cf.linkages.some((l) => l.memberIds.includes(memberId))) {
      refuse('members', '서비스 연계 대상인 가구원은 삭제할 수 없습니다. 연계에서 먼저 빼세요.')
    }
    return {
      result: undefined,
      write: (doc) => {
        rootMap(doc, 'members').delete(memberId)
        const next = cf.members.find((m) => m.id !== memberId)
        if (member.isHead && next) childMap(rootMap(doc, 'members'), next.id).set('isHead', true)
      },
    }
  })
}

export async function setIntake(caseId: string, patch: Partial<IntakeInput>): Promise<void> {
  await mutateCase(caseId, (cf) => {
    const intake = validate(IntakeSchema, { ...cf.intake, ...patch })
    return { result: undefined, write: (doc) => writeIntake(doc, intake) }
  })
}

/** Sets (or with null removes) the urgency and importance of one need domain. */
export async function setNeed(
  caseId: string,
  domain: ServiceDomain,
  need: { urgency: number; importance: number; note?: string } | null,
): Promise<void> {
  const d = validate(ServiceDomainSchema, domain)
  await mutateCase(caseId, (cf) => {
    const needs = { ...cf.assessment.needs }
    if (need === null) delete needs[d]
    else needs[d] = validate(NeedSchema, { note: needs[d]?.note ?? '', ...need })
    return { result: undefined, write: (doc) => writeAssessment(doc, { ...cf.assessment, needs }) }
  })
}

export async function setAssessmentDate(caseId: string, date: string | undefined): Promise<void> {
  await mutateCase(caseId, (cf) => {
    const assessment = { ...cf.assessment }
    if (date === undefined) delete assessment.date
    else assessment.date = date
    const valid = validateAssessment(assessment)
    return { result: undefined, write: (doc) => writeAssessment(doc, valid) }
  })
}

/**
 * 재판정: a new dated 욕구조사. The current one is kept whole in the history and the new one starts from
 * its scores (the worker changes what changed); the latest assessment is the one the plan follows.
 */
export async function startReassessment(caseId: string, date: string): Promise<void> {
  await mutateCase(caseId, (cf) => {
    if (assessedDomains(cf.assessment).length === 0) refuse('date', '재판정하려면 먼저 욕구조사에서 욕구 영역을 하나 이상 평가하세요.')
    const next = validateAssessment({ ...cf.assessment, date })
    if (cf.assessment.date && date < cf.assessment.date) refuse('date', '재판정 날짜는 지난 욕구조사 날짜보다 빠를 수 없습니다.')
    return {
      result: undefined,
      write: (doc) => writeAssessment(doc, next),
      history: [{ at: nowInstant(), kind: 'reassessment', from: cf.assessment.date, to: date, assessment: cf.assessment }],
    }
  })
}

function validateAssessment(a: CaseFile['assessment']): CaseFile['assessment'] {
  return validate(AssessmentSchema, a)
}

export async function setCrisisSigns(caseId: string, signs: CrisisSign[]): Promise<void> {
  const valid = validate(z.array(CrisisSignSchema), signs)
  await mutateCase(caseId, (cf) => {
    const assessment = validateAssessment({ ...cf.assessment, crisisSigns: [...new Set(valid)] })
    return { result: undefined, write: (doc) => writeAssessment(doc, assessment) }
  })
}

export async function setSelection(caseId: string, input: z.input<typeof SelectionSchema>): Promise<void> {
  await mutateCase(caseId, (cf) => {
    const selection: Selection = validate(SelectionSchema, input)
    const event = { at: nowInstant(), kind: 'selection' as const, to: selection.kind }
    return {
      result: undefined,
      write: (doc) => writeOptional(doc, 'selection', selection),
      history: [cf.selection ? { ...event, from: cf.selection.kind } : event],
    }
  })
}

/** Moves the case to another stage when the domain rules allow it; closed → 서비스 제공 reopens it (reopenCase). */
export async function changeStage(caseId: string, to: Stage): Promise<void> {
  const target = validate(StageSchema, to)
  await mutateCase(caseId, (cf) => {
    const check = checkTransition(cf, target)
    if (!check.ok) throw new TransitionError(check.reason)
    if (cf.meta.stage === 'closed' && target === 'delivery') return reopening(cf, undefined)
    return {
      result: undefined,
      write: (doc) => rootMap(doc, 'meta').set('stage', target),
      history: [{ at: nowInstant(), kind: 'stage', from: cf.meta.stage, to: target }],
    }
  })
}

const REASON = requiredText(500, '사유를 입력하세요.')

/**
 * 재개: a closed case (or one in 사후관리) goes back to 서비스 제공. The closure leaves the current state,
 * so deadlines and statistics count the case as open again, and is kept whole in the history event.
 */
export async function reopenCase(caseId: string, reason: string): Promise<void> {
  const note = validate(z.object({ reason: REASON }), { reason }).reason
  await mutateCase(caseId, (cf) => {
    const check = checkReopen(cf)
    if (!check.ok) throw new TransitionError(check.reason)
    return reopening(cf, note)
  })
}

function reopening(cf: CaseFile, note: string | undefined) {
  const at = nowInstant()
  return {
    result: undefined,
    write: (doc: Y.Doc) => {
      writeOptional(doc, 'closure', undefined)
      rootMap(doc, 'meta').set('stage', 'delivery')
    },
    history: [
      {
        at, kind: 'reopen' as const, from: cf.meta.stage, to: 'delivery',
        ...(note ? { note } : {}), ...(cf.closure ? { closure: cf.closure } : {}),
      },
    ],
  }
}

/** 사례 수준 (일반 / 고난도) changes with a reason, kept in the history. */
export async function changeLevel(caseId: string, level: CaseLevel, reason: string): Promise<void> {
  const input = validate(z.object({ level: CaseLevelSchema, reason: REASON }), { level, reason })
  await mutateCase(caseId, (cf) => {
    if (cf.meta.level === input.level) refuse('level', '이미 그 사례 수준입니다.')
    return {
      result: undefined,
      write: (doc) => rootMap(doc, 'meta').set('level', input.level),
      history: [{ at: nowInstant(), kind: 'level', from: cf.meta.level, to: input.level, note: input.reason }],
    }
  })
}

/** Records the closure (date, reason) and moves the case to 종결. */
export async function closeCase(caseId: string, input: z.input<typeof ClosureSchema>): Promise<void> {
  await mutateCase(caseId, (cf) => {
    const closure: Closure = validate(ClosureSchema, input)
    const check = checkTransition({ ...cf, closure }, 'closed')
    if (!check.ok) throw new TransitionError(check.reason)
    const at = nowInstant()
    return {
      result: undefined,
      write: (doc) => {
        writeOptional(doc, 'closure', closure)
        rootMap(doc, 'meta').set('stage', 'closed')
      },
      history: [
        { at, kind: 'closure', to: closure.reason },
        { at, kind: 'stage', from: cf.meta.stage, to: 'closed' },
      ],
    }
  })
}
