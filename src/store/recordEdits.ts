// Edit and delete for the records of a case file (issue 9): conferences, planned services, linkages,
// monitoring notes, visits, follow-ups and the closure. Each edit validates the whole new record with
// its domain schema, as the add commands do; each delete returns the removed record so undoRemove()
// (undo.ts) can put it back with the same id. History events are written where the add writes one
// (conferences, closure).
//
// Concurrent edit and delete (docs/CONTRACTS.md, "Edit and delete"): an entity is one Y.Map under its
// id in its collection, and a delete removes that entry. An edit made on another device before it saw
// the delete writes into the deleted Y.Map (fields, Y.Text), and Yjs drops content written into a deleted
// type, so after both sync THE DELETE WINS on every device, whatever the order. Nothing else is touched:
// other records, other fields of the case, history events and meta.updatedAt written with the edit stay.
// The closure is not an entity but the `closure` root map: its edit writes it whole, so an edit and a
// concurrent delete leave the edited closure (the edit wins there; see writeClosure).
import {
  ClosureSchema,
  ConferenceSchema,
  FollowUpSchema,
  LinkageSchema,
  MonitoringNoteSchema,
  PlannedServiceSchema,
  checkTransition,
} from '../domain'
import type {
  CaseFile,
  Closure,
  Conference,
  FollowUp,
  HistoryEvent,
  Linkage,
  MonitoringNote,
  PlannedService,
  VisitNote,
} from '../domain'
import * as Y from 'yjs'
import type * as z from 'zod/mini'
import { TEXT_FIELDS, childMap, rootMap, writeEntity, writeRecord } from './caseDoc'
import type { Collection } from './caseDoc'
import { mutateCase, nowInstant, refuse } from './commandCore'
import { TransitionError } from './errors'
import { validate } from './validate'

/** What a delete removed: enough for undoRemove() to put it back with the same id. */
export type RemovedRecord =
  | { caseId: string; kind: 'conference'; record: Conference }
  | { caseId: string; kind: 'plannedService'; record: PlannedService }
  | { caseId: string; kind: 'linkage'; record: Linkage }
  | { caseId: string; kind: 'monitoring'; record: MonitoringNote }
  | { caseId: string; kind: 'visit'; record: VisitNote }
  | { caseId: string; kind: 'followUp'; record: FollowUp }
  | { caseId: string; kind: 'closure'; record: Closure }

export type RecordKind = RemovedRecord['kind']

type Patch<S extends z.ZodMiniType> = Partial<Omit<z.input<S>, 'id'>>
export type ConferencePatch = Patch<typeof ConferenceSchema>
export type PlannedServicePatch = Patch<typeof PlannedServiceSchema>
export type LinkagePatch = Patch<typeof LinkageSchema>
export type MonitoringNotePatch = Patch<typeof MonitoringNoteSchema>
export type FollowUpPatch = Patch<typeof FollowUpSchema>
export type ClosurePatch = Partial<z.input<typeof ClosureSchema>>

/** Korean "not found" per kind: the usual cause is a delete on another device. */
export const NOT_FOUND: Record<RecordKind, string> = {
  conference: '사례회의 기록을 찾을 수 없습니다. 다른 기기에서 삭제되었을 수 있습니다.',
  plannedService: '계획된 서비스를 찾을 수 없습니다. 다른 기기에서 삭제되었을 수 있습니다.',
  linkage: '서비스 연계를 찾을 수 없습니다. 다른 기기에서 삭제되었을 수 있습니다.',
  monitoring: '점검 기록을 찾을 수 없습니다. 다른 기기에서 삭제되었을 수 있습니다.',
  visit: '방문상담 기록을 찾을 수 없습니다. 다른 기기에서 삭제되었을 수 있습니다.',
  followUp: '사후관리 기록을 찾을 수 없습니다. 다른 기기에서 삭제되었을 수 있습니다.',
  closure: '종결 기록이 없습니다.',
}

export const PLAN_REFUSAL = '서비스제공계획은 사례관리가구로 선정된 뒤에만 작성할 수 있습니다.'
export const FOLLOW_UP_REFUSAL = '사후관리는 종결 후에만 기록할 수 있습니다.'

export function found<T extends { id: string }>(list: readonly T[], id: string, kind: RecordKind): T {
  return list.find((e) => e.id === id) ?? refuse('id', NOT_FOUND[kind])
}

/** The collection root of an entity kind (planned services live inside `plan`). */
export const COLLECTION_OF = {
  conference: 'conferences',
  linkage: 'linkages',
  monitoring: 'monitoring',
  visit: 'visits',
  followUp: 'followUps',
} as const satisfies Partial<Record<RecordKind, Collection>>

/**
 * Deletes an entity: its entry leaves the collection's Y.Map, with its fields and texts. A concurrent
 * edit of it on another device is lost when they merge (the delete wins); see the top of this file.
 */
export function deleteEntity(doc: Y.Doc, collection: Collection, id: string): void {
  rootMap(doc, collection).delete(id)
}

export function plannedServicesMap(doc: Y.Doc): Y.Map<unknown> {
  return childMap(rootMap(doc, 'plan'), 'services')
}

/** Writes one planned service into plan.services (created when missing), touching only what changed. */
export function writePlannedService(doc: Y.Doc, service: PlannedService): void {
  writeRecord(childMap(plannedServicesMap(doc), service.id), service, TEXT_FIELDS.plannedServices)
}

export function checkMembers(cf: CaseFile, memberIds: readonly string[]): void {
  const known = new Set(cf.members.map((m) => m.id))
  if (memberIds.some((id) => !known.has(id))) refuse('memberIds', '이 가구에 없는 가구원이 연계 대상에 있습니다.')
}

/**
 * Writes the closure whole: date, reason and note are all set again (new Yjs items; the note a new
 * Y.Text), so an edit merged with a delete made meanwhile on another device leaves this closure complete,
 * never half of one, and two concurrent edits leave one of them whole. The closure is a root map, not an
 * entity: a delete cannot take a concurrent edit with it as it does for entities.
 */
export function writeClosure(doc: Y.Doc, closure: Closure): void {
  const map = rootMap(doc, 'closure')
  map.set('date', closure.date)
  map.set('reason', closure.reason)
  if (closure.note === undefined) map.delete('note')
  else map.set('note', new Y.Text(closure.note))
  for (const key of [...map.keys()]) if (!['date', 'reason', 'note'].includes(key)) map.delete(key)
}

/** Deletes the closure (every key of the `closure` root map). */
export function clearClosure(doc: Y.Doc): void {
  const map = rootMap(doc, 'closure')
  for (const key of [...map.keys()]) map.delete(key)
}

const unchanged = (a: object, b: object): boolean => JSON.stringify(a) === JSON.stringify(b)
const now = nowInstant
const conferenceEvent = (fields: Omit<HistoryEvent, 'at' | 'kind'>): HistoryEvent => ({ at: now(), kind: 'conference', ...fields })
const closureEvent = (fields: Omit<HistoryEvent, 'at' | 'kind'>): HistoryEvent => ({ at: now(), kind: 'closure', ...fields })

// ---------- conferences ----------

export async function updateConference(caseId: string, conferenceId: string, patch: ConferencePatch): Promise<void> {
  await mutateCase(caseId, (cf) => {
    const before = found(cf.conferences, conferenceId, 'conference')
    const conference = validate(ConferenceSchema, { ...before, ...patch, id: conferenceId })
    return {
      result: undefined,
      write: (doc) => writeEntity(doc, 'conferences', conference),
      history: unchanged(before, conference)
        ? []
        : [conferenceEvent({ from: before.decision, to: conference.decision, note: `사례회의 수정 (${conference.date})` })],
    }
  })
}

export async function removeConference(caseId: string, conferenceId: string): Promise<RemovedRecord> {
  return mutateCase(caseId, (cf) => {
    const record = found(cf.conferences, conferenceId, 'conference')
    return {
      result: { caseId, kind: 'conference', record },
      write: (doc) => deleteEntity(doc, 'conferences', conferenceId),
      history: [conferenceEvent({ from: record.decision, note: `사례회의 삭제 (${record.date})` })],
    }
  })
}

// ---------- planned services ----------

export async function updatePlannedService(caseId: string, serviceId: string, patch: PlannedServicePatch): Promise<void> {
  await mutateCase(caseId, (cf) => {
    if (cf.selection?.kind !== 'caseManagement') refuse('plan', PLAN_REFUSAL)
    const before = found(cf.plan?.services ?? [], serviceId, 'plannedService')
    const service = validate(PlannedServiceSchema, { ...before, ...patch, id: serviceId })
    return { result: undefined, write: (doc) => writePlannedService(doc, service) }
  })
}

export async function removePlannedService(caseId: string, serviceId: string): Promise<RemovedRecord> {
  return mutateCase(caseId, (cf) => {
    const record = found(cf.plan?.services ?? [], serviceId, 'plannedService')
    return {
      result: { caseId, kind: 'plannedService', record },
      write: (doc) => plannedServicesMap(doc).delete(serviceId),
    }
  })
}

// ---------- linkages (every field; setLinkageStatus stays for the status alone) ----------

export async function updateLinkage(caseId: string, linkageId: string, patch: LinkagePatch): Promise<void> {
  await mutateCase(caseId, (cf) => {
    const before = found(cf.linkages, linkageId, 'linkage')
    const linkage = validate(LinkageSchema, { ...before, ...patch, id: linkageId })
    checkMembers(cf, linkage.memberIds)
    return { result: undefined, write: (doc) => writeEntity(doc, 'linkages', linkage) }
  })
}

export async function removeLinkage(caseId: string, linkageId: string): Promise<RemovedRecord> {
  return mutateCase(caseId, (cf) => {
    const record = found(cf.linkages, linkageId, 'linkage')
    return { result: { caseId, kind: 'linkage', record }, write: (doc) => deleteEntity(doc, 'linkages', linkageId) }
  })
}

// ---------- monitoring notes ----------

export async function updateMonitoringNote(caseId: string, noteId: string, patch: MonitoringNotePatch): Promise<void> {
  await mutateCase(caseId, (cf) => {
    const note = validate(MonitoringNoteSchema, { ...found(cf.monitoring, noteId, 'monitoring'), ...patch, id: noteId })
    return { result: undefined, write: (doc) => writeEntity(doc, 'monitoring', note) }
  })
}

export async function removeMonitoringNote(caseId: string, noteId: string): Promise<RemovedRecord> {
  return mutateCase(caseId, (cf) => {
    const record = found(cf.monitoring, noteId, 'monitoring')
    return { result: { caseId, kind: 'monitoring', record }, write: (doc) => deleteEntity(doc, 'monitoring', noteId) }
  })
}

// ---------- visits (updateVisit is in entityCommands.ts) ----------

export async function removeVisit(caseId: string, visitId: string): Promise<RemovedRecord> {
  return mutateCase(caseId, (cf) => {
    const record = found(cf.visits, visitId, 'visit')
    return { result: { caseId, kind: 'visit', record }, write: (doc) => deleteEntity(doc, 'visits', visitId) }
  })
}

// ---------- follow-ups ----------

export async function updateFollowUp(caseId: string, followUpId: string, patch: FollowUpPatch): Promise<void> {
  await mutateCase(caseId, (cf) => {
    const followUp = validate(FollowUpSchema, { ...found(cf.followUps, followUpId, 'followUp'), ...patch, id: followUpId })
    return { result: undefined, write: (doc) => writeEntity(doc, 'followUps', followUp) }
  })
}

export async function removeFollowUp(caseId: string, followUpId: string): Promise<RemovedRecord> {
  return mutateCase(caseId, (cf) => {
    const record = found(cf.followUps, followUpId, 'followUp')
    return { result: { caseId, kind: 'followUp', record }, write: (doc) => deleteEntity(doc, 'followUps', followUpId) }
  })
}

// ---------- closure ----------

/** Stages that need the closure (stageRules: 종결 and 사후관리 are entered only with one). */
const CLOSED_STAGES: readonly string[] = ['closed', 'followUp']

/** Edits the closure's date, reason or note. In 사후관리 the new reason must still allow it (not 사망). */
export async function updateClosure(caseId: string, patch: ClosurePatch): Promise<void> {
  await mutateCase(caseId, (cf) => {
    const before = cf.closure ?? refuse('closure', NOT_FOUND.closure)
    const closure = validate(ClosureSchema, { ...before, ...patch })
    if (cf.meta.stage === 'followUp') {
      const check = checkTransition({ ...cf, closure, meta: { ...cf.meta, stage: 'closed' } }, 'followUp')
      if (!check.ok) throw new TransitionError(`사후관리 중인 사례입니다: ${check.reason}`)
    }
    return {
      result: undefined,
      write: (doc) => writeClosure(doc, closure),
      history: unchanged(before, closure)
        ? []
        : [closureEvent({ from: before.reason, to: closure.reason, note: `종결 기록 수정 (${closure.date})` })],
    }
  })
}

/**
 * Deletes the closure where the domain allows it: not while the case is 종결 or 사후관리 (those stages
 * need it; reopening is a stage change) and not once follow-ups were recorded after it.
 */
export async function removeClosure(caseId: string): Promise<RemovedRecord> {
  return mutateCase(caseId, (cf) => {
    const record = cf.closure ?? refuse('closure', NOT_FOUND.closure)
    if (CLOSED_STAGES.includes(cf.meta.stage)) {
      refuse('closure', '종결·사후관리 단계의 사례는 종결 기록을 삭제할 수 없습니다. 잘못 입력했다면 수정하세요.')
    }
    if (cf.followUps.length > 0) refuse('closure', '사후관리 기록이 있어 종결 기록을 삭제할 수 없습니다.')
    return {
      result: { caseId, kind: 'closure', record },
      write: clearClosure,
      history: [closureEvent({ from: record.reason, note: `종결 기록 삭제 (${record.date})` })],
    }
  })
}
