// Commands on the entities inside a case: conferences, the plan, linkages, monitoring notes,
// visits and follow-ups. Each validates the whole new entity with its domain schema first.
// Edit and delete of these records (and undo of a delete) are in recordEdits.ts and undo.ts.
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
import type { CaseFile, ContactOutcome, LinkageStatus } from '../domain'
import type * as z from 'zod/mini'
import { childMap, rootMap, writeEntity, writePlan } from './caseDoc'
import { mutateCase, newId, nowInstant, refuse } from './commandCore'
import { FOLLOW_UP_REFUSAL, NOT_FOUND, PLAN_REFUSAL, checkMembers, found } from './recordEdits'
import { validate } from './validate'

/** Input of a new entity: no id (the store makes one), fields in K optional (defaults apply). */
type Draft<S extends z.ZodMiniType, K extends keyof z.input<S> = never> = Omit<z.input<S>, 'id' | K> &
  Partial<Pick<z.input<S>, K>>

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
    if (!cf.linkages.some((l) => l.id === linkageId)) refuse('linkageId', NOT_FOUND.linkage)
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
/** A new visit: the contact outcome is the worker's choice, never a default (issue 9). */
export type NewVisitInput = VisitInput & { contact: ContactOutcome }

export const CONTACT_REQUIRED = '접촉 결과(만남·연락됨·부재)를 선택하세요.'

const VISIT_DEFAULTS = {
  visitors: [],
  kind: 'solo',
  welfareCheck: '',
  health: '',
  housing: '',
  crisisSigns: [],
  observations: '',
  nextSteps: '',
} as const

/**
 * Saves a new visit note and returns its id (defaults: now, 단독방문, empty text). The contact outcome
 * has no default: without one the visit is refused, so nothing can record a 만남 the worker did not pick.
 */
export async function createVisit(caseId: string, fields: NewVisitInput): Promise<string> {
  if ((fields as VisitInput | undefined)?.contact === undefined) refuse('contact', CONTACT_REQUIRED)
  return mutateCase(caseId, () => {
    const visit = validate(VisitNoteSchema, { ...VISIT_DEFAULTS, visitedAt: nowInstant(), ...fields, id: newId() })
    return { result: visit.id, write: (doc) => writeEntity(doc, 'visits', visit) }
  })
}

export async function updateVisit(caseId: string, visitId: string, patch: VisitInput): Promise<void> {
  await mutateCase(caseId, (cf) => {
    const visit = validate(VisitNoteSchema, { ...found(cf.visits, visitId, 'visit'), ...patch, id: visitId })
    return { result: undefined, write: (doc) => writeEntity(doc, 'visits', visit) }
  })
}

export async function addFollowUp(caseId: string, input: Draft<typeof FollowUpSchema, 'note'>): Promise<string> {
  return mutateCase(caseId, (cf) => {
    if (!cf.closure) refuse('followUps', FOLLOW_UP_REFUSAL)
    const followUp = validate(FollowUpSchema, { note: '', ...input, id: newId() })
    return { result: followUp.id, write: (doc) => writeEntity(doc, 'followUps', followUp) }
  })
}
