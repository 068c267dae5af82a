// Edit, delete and undo for every record kind of a case file (issue 9), through the real store.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import {
  TransitionError,
  ValidationError,
  addConference,
  addFollowUp,
  addLinkage,
  addMonitoringNote,
  addPlannedService,
  changeStage,
  closeCase,
  createCase,
  createVisit,
  getCaseFile,
  removeClosure,
  removeConference,
  removeFollowUp,
  removeLinkage,
  removeMember,
  removeMonitoringNote,
  removePlannedService,
  removeVisit,
  setSelection,
  setText,
  undoRemove,
  updateClosure,
  updateConference,
  updateFollowUp,
  updateLinkage,
  updateMonitoringNote,
  updatePlannedService,
  updateVisit,
} from '../../../src/store'
import type { CaseFile, Closure } from '../../../src/domain'
import { caseDocName, rootMap } from '../../../src/store/caseDoc'
import { LOCAL_ORIGIN } from '../../../src/store/commandCore'
import { getDb } from '../../../src/store/db'
import { openDoc, whenWritten } from '../../../src/store/docStore'
import { writeClosure } from '../../../src/store/recordEdits'
import { caseInput, reopen, useFreshStore } from './helpers'

async function caseFile(id: string): Promise<CaseFile> {
  const cf = await getCaseFile(id)
  if (!cf) throw new Error('no case file')
  return cf
}

async function updateRows(): Promise<number> {
  return getDb().updates.count()
}

/** Runs a command that must be refused with a Korean message and write nothing. */
async function refused(run: () => Promise<unknown>, message?: RegExp): Promise<void> {
  const before = await updateRows()
  const err = await run().then(
    () => null,
    (e: unknown) => e,
  )
  expect(err instanceof ValidationError || err instanceof TransitionError).toBe(true)
  expect((err as Error).message).toMatch(message ?? /[가-힣]/)
  expect(await updateRows()).toBe(before)
}

/** Everything but the records of one kind and meta.updatedAt/history: what a delete must not touch. */
function rest(cf: CaseFile, without: keyof CaseFile) {
  const { meta, history: _h, [without]: _w, ...others } = cf
  return { ...others, stage: meta.stage }
}

describe('conferences: edit, delete, undo', () => {
  useFreshStore()

  it('edits every field, validates the whole record and records the change in history', async () => {
    const id = await createCase(caseInput())
    const confId = await addConference(id, { kind: 'internal', date: '2026-11-02', decision: 'continue', notes: '첫 회의' })
    await updateConference(id, confId, { kind: 'council', date: '2026-11-03', decision: 'select', attendees: ['김복지'], notes: '첫 회의 — 선정' })
    const cf = await caseFile(id)
    expect(cf.conferences).toEqual([
      { id: confId, kind: 'council', date: '2026-11-03', decision: 'select', attendees: ['김복지'], notes: '첫 회의 — 선정' },
    ])
    expect(cf.history.filter((h) => h.kind === 'conference').at(-1)).toMatchObject({ from: 'continue', to: 'select' })

    await refused(() => updateConference(id, confId, { date: '2026-13-40' }))
    await refused(() => updateConference(id, confId, { notes: '주민번호 901231-1234567' }), /주민등록번호/)
    await refused(() => updateConference(id, crypto.randomUUID(), { notes: 'x' }), /찾을 수 없습니다/)
    expect((await caseFile(id)).conferences[0]?.notes).toBe('첫 회의 — 선정')
  })

  it('deletes one conference and nothing else; undo puts it back with the same id', async () => {
    const id = await createCase(caseInput())
    const keep = await addConference(id, { kind: 'internal', date: '2026-11-01', decision: 'continue' })
    const gone = await addConference(id, { kind: 'council', date: '2026-11-02', decision: 'select', notes: '회의록' })
    const before = await caseFile(id)

    const removed = await removeConference(id, gone)
    expect(removed).toMatchObject({ caseId: id, kind: 'conference', record: { id: gone, notes: '회의록' } })
    const after = await caseFile(id)
    expect(after.conferences.map((c) => c.id)).toEqual([keep])
    expect(rest(after, 'conferences')).toEqual(rest(before, 'conferences'))
    expect(after.history.at(-1)).toMatchObject({ kind: 'conference', from: 'select' })
    expect(after.history.at(-1)?.note).toContain('삭제')

    await undoRemove(removed)
    await reopen()
    const back = await caseFile(id)
    expect(back.conferences).toEqual(before.conferences)
    expect(back.history.at(-1)?.note).toContain('삭제 취소')
    // A second undo (a double tap) changes nothing.
    await undoRemove(removed)
    expect((await caseFile(id)).conferences).toEqual(before.conferences)
    await refused(() => removeConference(id, crypto.randomUUID()), /찾을 수 없습니다/)
  })
})

describe('planned services: edit, delete, undo', () => {
  useFreshStore()

  it('edits, deletes and restores a service of the plan', async () => {
    const id = await createCase(caseInput())
    await setSelection(id, { kind: 'caseManagement', decidedAt: '2026-11-05' })
    const a = await addPlannedService(id, { domain: 'health', name: '방문건강관리', provider: '보건소', startDate: '2026-11-10' })
    const b = await addPlannedService(id, { domain: 'economy', name: '긴급생계지원', provider: '구청', startDate: '2026-11-11' })
    await updatePlannedService(id, a, { frequency: '주 1회', endDate: '2027-02-10', provider: '서대문구 보건소' })
    expect((await caseFile(id)).plan?.services.find((s) => s.id === a)).toMatchObject({
      frequency: '주 1회',
      endDate: '2027-02-10',
      provider: '서대문구 보건소',
    })
    await refused(() => updatePlannedService(id, a, { endDate: '2026-01-01' }), /종료일/)
    await updatePlannedService(id, a, { endDate: undefined })
    expect((await caseFile(id)).plan?.services.find((s) => s.id === a)?.endDate).toBeUndefined()

    const before = await caseFile(id)
    const removed = await removePlannedService(id, a)
    const after = await caseFile(id)
    expect(after.plan?.services.map((s) => s.id)).toEqual([b])
    await undoRemove(removed)
    expect((await caseFile(id)).plan).toEqual(before.plan)
  })
})

describe('linkages: every field, delete, undo', () => {
  useFreshStore()

  it('edits all fields (not only the status) and checks the members', async () => {
    const id = await createCase(caseInput())
    const [head, second] = (await caseFile(id)).members
    const linkageId = await addLinkage(id, { domain: 'health', service: '방문건강관리', provider: '보건소', memberIds: [head!.id] })
    await updateLinkage(id, linkageId, {
      domain: 'economy',
      service: '긴급지원',
      provider: '구청',
      memberIds: [head!.id, second!.id],
      status: 'inProgress',
      startDate: '2026-11-12',
      note: '서류 접수',
    })
    expect((await caseFile(id)).linkages[0]).toEqual({
      id: linkageId,
      domain: 'economy',
      service: '긴급지원',
      provider: '구청',
      memberIds: [head!.id, second!.id],
      status: 'inProgress',
      startDate: '2026-11-12',
      note: '서류 접수',
    })
    await refused(() => updateLinkage(id, linkageId, { memberIds: [] }), /가구원/)
    await refused(() => updateLinkage(id, linkageId, { memberIds: [crypto.randomUUID()] }), /가구원/)
    await refused(() => updateLinkage(id, linkageId, { service: ' ' }), /서비스명/)
  })

  it('deletes and restores a linkage; undo is refused with a reason when its member is gone', async () => {
    const id = await createCase(caseInput())
    const [head, second] = (await caseFile(id)).members
    const onlySecond = await addLinkage(id, { domain: 'health', service: '방문건강관리', provider: '보건소', memberIds: [second!.id] })
    const forHead = await addLinkage(id, { domain: 'economy', service: '긴급지원', provider: '구청', memberIds: [head!.id], note: '메모' })
    const before = await caseFile(id)
    const removed = await removeLinkage(id, forHead)
    expect((await caseFile(id)).linkages.map((l) => l.id)).toEqual([onlySecond])
    await undoRemove(removed)
    expect((await caseFile(id)).linkages).toEqual(before.linkages)

    const removedSecond = await removeLinkage(id, onlySecond)
    await removeMember(id, second!.id)
    await refused(() => undoRemove(removedSecond), /가구원/)
  })
})

describe('monitoring notes: edit, delete, undo', () => {
  useFreshStore()

  it('edits the date, contact and text; deletes and restores', async () => {
    const id = await createCase(caseInput())
    const noteId = await addMonitoringNote(id, { date: '2026-11-20', contact: 'noAnswer', text: '부재' })
    await updateMonitoringNote(id, noteId, { contact: 'met', text: '부재 후 재방문, 만남', date: '2026-11-21' })
    expect((await caseFile(id)).monitoring).toEqual([{ id: noteId, date: '2026-11-21', contact: 'met', text: '부재 후 재방문, 만남' }])
    await refused(() => updateMonitoringNote(id, noteId, { contact: 'maybe' as never }))

    const removed = await removeMonitoringNote(id, noteId)
    expect((await caseFile(id)).monitoring).toEqual([])
    await undoRemove(removed)
    expect((await caseFile(id)).monitoring).toEqual([{ id: noteId, date: '2026-11-21', contact: 'met', text: '부재 후 재방문, 만남' }])
  })
})

describe('visits: no contact default, edit, delete, undo', () => {
  useFreshStore()

  it('refuses a new visit without a chosen contact outcome, writing nothing', async () => {
    const id = await createCase(caseInput())
    await refused(() => createVisit(id, {} as never), /접촉 결과/)
    await refused(() => createVisit(id, { contact: undefined } as never), /접촉 결과/)
    expect((await caseFile(id)).visits).toEqual([])
    const visitId = await createVisit(id, { contact: 'noAnswer' })
    expect((await caseFile(id)).visits[0]).toMatchObject({ id: visitId, contact: 'noAnswer' })
  })

  it('deletes one visit with its texts and nothing else; undo restores it whole with the same id', async () => {
    const id = await createCase(caseInput())
    const keep = await createVisit(id, { contact: 'met', visitedAt: '2026-11-01T01:00:00.000Z' })
    const gone = await createVisit(id, { contact: 'reached', visitedAt: '2026-11-02T01:00:00.000Z', crisisSigns: ['mailPiling'] })
    await setText(id, ['visits', gone, 'observations'], '우편물이 쌓여 있음')
    await updateVisit(id, gone, { nextVisitDate: '2026-11-20', visitors: ['김복지'] })
    const before = await caseFile(id)

    const removed = await removeVisit(id, gone)
    const after = await caseFile(id)
    expect(after.visits.map((v) => v.id)).toEqual([keep])
    expect(rest(after, 'visits')).toEqual(rest(before, 'visits'))
    expect(after.history).toEqual(before.history)
    await refused(() => updateVisit(id, gone, { contact: 'met' }), /찾을 수 없습니다/)
    await refused(() => setText(id, ['visits', gone, 'observations'], 'x'))

    await undoRemove(removed)
    await reopen()
    expect((await caseFile(id)).visits).toEqual(before.visits)
    // The restored text is a Y.Text again: editing it works.
    await setText(id, ['visits', gone, 'observations'], '우편물이 쌓여 있음. 관리실 연락.')
    expect((await caseFile(id)).visits.find((v) => v.id === gone)?.observations).toBe('우편물이 쌓여 있음. 관리실 연락.')
  })
})

/** Puts the case back in 서비스 제공 with `closure` still recorded, as the store's own write would. */
async function reopenWithClosure(id: string, closure: Closure): Promise<void> {
  const name = caseDocName(id)
  const doc = await openDoc(name)
  doc.transact(() => {
    rootMap(doc, 'meta').set('stage', 'delivery')
    writeClosure(doc, closure)
  }, LOCAL_ORIGIN)
  await whenWritten(name)
}

async function closedCase(): Promise<string> {
  const id = await createCase(caseInput())
  await setSelection(id, { kind: 'linkage', decidedAt: '2026-11-05' })
  await closeCase(id, { date: '2026-11-30', reason: 'improved', note: '상황 호전' })
  return id
}

describe('follow-ups: edit, delete, undo', () => {
  useFreshStore()

  it('edits, deletes and restores a follow-up', async () => {
    const id = await closedCase()
    const f = await addFollowUp(id, { date: '2027-05-30', contact: 'reached', note: '전화 확인' })
    await updateFollowUp(id, f, { contact: 'met', note: '방문 확인' })
    expect((await caseFile(id)).followUps).toEqual([{ id: f, date: '2027-05-30', contact: 'met', note: '방문 확인' }])
    await refused(() => updateFollowUp(id, f, { date: '' }))
    const removed = await removeFollowUp(id, f)
    expect((await caseFile(id)).followUps).toEqual([])
    await undoRemove(removed)
    expect((await caseFile(id)).followUps).toEqual([{ id: f, date: '2027-05-30', contact: 'met', note: '방문 확인' }])
  })
})

describe('closure: edit, and delete only where the domain allows', () => {
  useFreshStore()

  it('edits date, reason and note with a history event', async () => {
    const id = await closedCase()
    await updateClosure(id, { reason: 'shortTermGoal', note: '단기목표 달성', date: '2026-12-01' })
    const cf = await caseFile(id)
    expect(cf.closure).toEqual({ date: '2026-12-01', reason: 'shortTermGoal', note: '단기목표 달성' })
    expect(cf.history.at(-1)).toMatchObject({ kind: 'closure', from: 'improved', to: 'shortTermGoal' })
    await updateClosure(id, { note: undefined })
    expect((await caseFile(id)).closure).toEqual({ date: '2026-12-01', reason: 'shortTermGoal' })
    await refused(() => updateClosure(id, { reason: 'unknown' as never }))
  })

  it('refuses 사망 as the reason of a case in 사후관리', async () => {
    const id = await closedCase()
    await changeStage(id, 'followUp')
    await refused(() => updateClosure(id, { reason: 'death' }), /사망/)
    expect((await caseFile(id)).closure?.reason).toBe('improved')
  })

  it('refuses to delete the closure of a closed case or one with follow-ups; deletes and restores one left on an open case', async () => {
    const id = await closedCase()
    await refused(() => removeClosure(id), /삭제할 수 없습니다/)
    await changeStage(id, 'followUp')
    await refused(() => removeClosure(id), /삭제할 수 없습니다/)
    // A closure on a case that is open again (written before 재개 cleared it, or merged in from another device).
    const closure = (await caseFile(id)).closure!
    await reopenWithClosure(id, closure)
    const f = await addFollowUp(id, { date: '2027-05-30', contact: 'reached' })
    await refused(() => removeClosure(id), /사후관리 기록/)
    await removeFollowUp(id, f)

    const before = await caseFile(id)
    const removed = await removeClosure(id)
    const after = await caseFile(id)
    expect(after.closure).toBeUndefined()
    expect(after.history.at(-1)).toMatchObject({ kind: 'closure', from: 'improved' })
    await undoRemove(removed)
    expect((await caseFile(id)).closure).toEqual(before.closure)
  })
})
