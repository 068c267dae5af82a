// Commands on the entities inside a case: conferences, the plan, linkages, monitoring notes,
// visits and follow-ups. Each validates the whole new entity with its domain schema first.
import {
  ConferenceSchema,
  FollowUpSchema,
  LinkageSchema,
  LinkageStatusSchema,
  MonitoringNoteSchema,
  PlannedServiceSchema,
  ServicePlanSchema,
  VisitNoteSchema,
} from '../domain'
import type { CaseFile, LinkageStatus, VisitNote } from '../domain'
import type * as z from 'zod/mini'
import { childMap, rootMap, writeEntity, writePlan } from './caseDoc'
import { mutateCase, newId, nowInstant, refuse } from './commandCore'
import { validate } from './validate'

/** Input of a new entity: no id (the store makes one), fields in K optional (defaults apply). */
type Draft<S extends z.ZodMiniType, K extends keyof z.input<S> = never> = Omit<z.input<S>, 'id' | K> &
  Partial<Pick<z.input<S>, K>>

const PLAN_REFUSAL = '서비스제공계획은 사례관리가구로 선정된 뒤에만 작성할 수 있습니다.'

export async function addConference(caseId: string, input: Draft<typeof ConferenceSchema, 'notes' | 'attendees'>): Promise<string> {
  return mutateCase(caseId, () => {
    const conference = validate(ConferenceSchema, { notes: '', attendees: [], ...input, id: newId() })
    return {
      result: conference.id,
      write: (doc) => writeEntity(doc, 'conferences', conference),
      history: [{ at: nowInstant(), kind: 'conference', to: conference.decision }],
    }
  })
}

function emptyPlan(cf: CaseFile): NonNullable<CaseFile['plan']> {
  return cf.plan ?? { longTermGoals: '', shortTermGoals: '', services: [] }
}

export async function setPlanGoals(
  caseId: string,
  goals: { longTermGoals?: string; shortTermGoals?: string },
): Promise<void> {
  await mutateCase(caseId, (cf) => {
    if (cf.selection?.kind !== 'caseManagement') refuse('plan', PLAN_REFUSAL)
    const plan = validate(ServicePlanSchema, { ...emptyPlan(cf), ...goals })
    return { result: undefined, write: (doc) => writePlan(doc, plan) }
  })
}

export async function addPlannedService(caseId: string, input: Draft<typeof PlannedServiceSchema, 'frequency'>): Promise<string> {
  return mutateCase(caseId, (cf) => {
    if (cf.selection?.kind !== 'caseManagement') refuse('plan', PLAN_REFUSAL)
    const service = validate(PlannedServiceSchema, { frequency: '', ...input, id: newId() })
    const plan = { ...emptyPlan(cf), services: [...emptyPlan(cf).services, service] }
    return { result: service.id, write: (doc) => writePlan(doc, plan) }
  })
}

export async function removePlannedService(caseId: string, serviceId: string): Promise<void> {
  await mutateCase(caseId, (cf) => {
    const plan = emptyPlan(cf)
    if (!plan.services.some((s) => s.id === serviceId)) refuse('serviceId', '계획된 서비스를 찾을 수 없습니다.')
    return { result: undefined, write: (doc) => writePlan(doc, { ...plan, services: plan.services.filter((s) => s.id !== serviceId) }) }
  })
}

function checkMembers(cf: CaseFile, memberIds: readonly string[]): void {
  const known = new Set(cf.members.map((m) => m.id))
  if (memberIds.some((id) => !known.has(id))) refuse('memberIds', '이 가구에 없는 가구원이 연계 대상에 있습니다.')
}

export async function addLinkage(
  caseId: string,
  input: Draft<typeof LinkageSchema, 'status'>,
): Promise<string> {
  return mutateCase(caseId, (cf) => {
    const linkage = validate(LinkageSchema, { status: 'planned', ...input, id: newId() })
    checkMembers(cf, linkage.memberIds)
    return { result: linkage.id, write: (doc) => writeEntity(doc, 'linkages', linkage) }
  })
}

export async function setLinkageStatus(caseId: string, linkageId: string, status: LinkageStatus): Promise<void> {
  const valid = validate(LinkageStatusSchema, status)
  await mutateCase(caseId, (cf) => {
    if (!cf.linkages.some((l) => l.id === linkageId)) refuse('linkageId', '서비스 연계를 찾을 수 없습니다.')
    return { result: undefined, write: (doc) => childMap(rootMap(doc, 'linkages'), linkageId).set('status', valid) }
  })
}

export async function addMonitoringNote(caseId: string, input: Draft<typeof MonitoringNoteSchema, 'text'>): Promise<string> {
  return mutateCase(caseId, () => {
    const note = validate(MonitoringNoteSchema, { text: '', ...input, id: newId() })
    return { result: note.id, write: (doc) => writeEntity(doc, 'monitoring', note) }
  })
}

export type VisitInput = Partial<Omit<z.input<typeof VisitNoteSchema>, 'id'>>

const VISIT_DEFAULTS = {
  visitors: [],
  kind: 'solo',
  contact: 'met',
  welfareCheck: '',
  health: '',
  housing: '',
  crisisSigns: [],
  observations: '',
  nextSteps: '',
} as const

/** Starts a visit note (defaults: now, 단독방문, 만남, empty text) and returns its id. */
export async function createVisit(caseId: string, fields: VisitInput = {}): Promise<string> {
  return mutateCase(caseId, () => {
    const visit = validate(VisitNoteSchema, { ...VISIT_DEFAULTS, visitedAt: nowInstant(), ...fields, id: newId() })
    return { result: visit.id, write: (doc) => writeEntity(doc, 'visits', visit) }
  })
}

function visitOf(cf: CaseFile, visitId: string): VisitNote {
  return cf.visits.find((v) => v.id === visitId) ?? refuse('visitId', '방문상담 기록을 찾을 수 없습니다.')
}

export async function updateVisit(caseId: string, visitId: string, patch: VisitInput): Promise<void> {
  await mutateCase(caseId, (cf) => {
    const visit = validate(VisitNoteSchema, { ...visitOf(cf, visitId), ...patch, id: visitId })
    return { result: undefined, write: (doc) => writeEntity(doc, 'visits', visit) }
  })
}

export async function addFollowUp(caseId: string, input: Draft<typeof FollowUpSchema, 'note'>): Promise<string> {
  return mutateCase(caseId, (cf) => {
    if (!cf.closure) refuse('followUps', '사후관리는 종결 후에만 기록할 수 있습니다.')
    const followUp = validate(FollowUpSchema, { note: '', ...input, id: newId() })
    return { result: followUp.id, write: (doc) => writeEntity(doc, 'followUps', followUp) }
  })
}
