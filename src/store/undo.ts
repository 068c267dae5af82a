// Undo of a delete (the "삭제했습니다 · 되돌리기" toast): puts the removed record back with the same id,
// checked against today's case file like an add (its members must still exist, a follow-up needs the
// closure, a planned service a 사례관리 selection). Putting back a record that is there again is a no-op.
//
// The record comes back as a new Y.Map under its old id. An edit another device made to the deleted
// record before it saw the delete stays lost (docs/CONTRACTS.md, "Edit and delete"): undo restores what
// this device deleted, not what the other device typed.
import {
  ClosureSchema,
  ConferenceSchema,
  FollowUpSchema,
  LinkageSchema,
  MonitoringNoteSchema,
  PlannedServiceSchema,
  VisitNoteSchema,
} from '../domain'
import type { CaseFile, HistoryEvent } from '../domain'
import type * as Y from 'yjs'
import { writeEntity } from './caseDoc'
import { mutateCase, nowInstant, refuse } from './commandCore'
import { FOLLOW_UP_REFUSAL, PLAN_REFUSAL, checkMembers, writeClosure, writePlannedService } from './recordEdits'
import type { RemovedRecord } from './recordEdits'
import { validate } from './validate'

interface Restore {
  /** True when the record is in the case file already (undone twice, or put back elsewhere). */
  present: boolean
  write: (doc: Y.Doc) => void
  history?: HistoryEvent[]
}

function restoreOf(cf: CaseFile, removed: RemovedRecord): Restore {
  const has = (list: readonly { id: string }[], id: string) => list.some((e) => e.id === id)
  switch (removed.kind) {
    case 'conference': {
      const record = validate(ConferenceSchema, removed.record)
      return {
        present: has(cf.conferences, record.id),
        write: (doc) => writeEntity(doc, 'conferences', record),
        history: [{ at: nowInstant(), kind: 'conference', to: record.decision, note: `사례회의 삭제 취소 (${record.date})` }],
      }
    }
    case 'plannedService': {
      const record = validate(PlannedServiceSchema, removed.record)
      if (cf.selection?.kind !== 'caseManagement') refuse('plan', PLAN_REFUSAL)
      return { present: has(cf.plan?.services ?? [], record.id), write: (doc) => writePlannedService(doc, record) }
    }
    case 'linkage': {
      const record = validate(LinkageSchema, removed.record)
      checkMembers(cf, record.memberIds)
      return { present: has(cf.linkages, record.id), write: (doc) => writeEntity(doc, 'linkages', record) }
    }
    case 'monitoring': {
      const record = validate(MonitoringNoteSchema, removed.record)
      return { present: has(cf.monitoring, record.id), write: (doc) => writeEntity(doc, 'monitoring', record) }
    }
    case 'visit': {
      const record = validate(VisitNoteSchema, removed.record)
      return { present: has(cf.visits, record.id), write: (doc) => writeEntity(doc, 'visits', record) }
    }
    case 'followUp': {
      const record = validate(FollowUpSchema, removed.record)
      if (!cf.closure) refuse('followUps', FOLLOW_UP_REFUSAL)
      return { present: has(cf.followUps, record.id), write: (doc) => writeEntity(doc, 'followUps', record) }
    }
    case 'closure': {
      const record = validate(ClosureSchema, removed.record)
      return {
        present: cf.closure !== undefined,
        write: (doc) => writeClosure(doc, record),
        history: [{ at: nowInstant(), kind: 'closure', to: record.reason, note: `종결 기록 삭제 취소 (${record.date})` }],
      }
    }
  }
}

/** Puts a deleted record back (same id, same content). Throws ValidationError (Korean) when it cannot. */
export async function undoRemove(removed: RemovedRecord): Promise<void> {
  await mutateCase(removed.caseId, (cf) => {
    const restore = restoreOf(cf, removed)
    if (restore.present) return { result: undefined, write: () => undefined }
    return { result: undefined, write: restore.write, history: restore.history }
  })
}
