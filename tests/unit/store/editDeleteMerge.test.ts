// The documented rule for an edit and a delete of the same record made apart on two devices
// (docs/CONTRACTS.md, "Edit and delete"), for every record kind, merged in both orders with the
// store's own write functions: an entity's delete wins and takes the concurrent edit with it; the
// closure's edit wins (it is written whole); nothing else of the case is lost.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildNewCase } from '../../../src/store/caseCommands'
import { applyTextDiff, childMap, readCaseFile, rootMap, textAt, writeEntity, writeNewCase } from '../../../src/store/caseDoc'
import type { Collection } from '../../../src/store/caseDoc'
import { clearClosure, deleteEntity, plannedServicesMap, writeClosure, writePlannedService } from '../../../src/store/recordEdits'
import type { CaseFile } from '../../../src/domain'

const uuid = () => crypto.randomUUID()

function fullCase(): CaseFile {
  const cf = buildNewCase({
    household: { targetType: 'basic', address: '서울특별시 서대문구 신촌로 10' },
    members: [{ name: '김민수', birthDate: '1950-03-02', sexDigit: '1' }],
    intake: { date: '2026-11-01', source: 'dongCenter', presentingProblem: '난방비 체납' },
    level: 'general',
  })
  const memberId = cf.members[0]!.id
  return {
    ...cf,
    meta: { ...cf.meta, stage: 'closed' },
    selection: { kind: 'caseManagement', decidedAt: '2026-11-04' },
    conferences: [{ id: uuid(), kind: 'internal', date: '2026-11-03', attendees: ['김복지'], decision: 'select', notes: '선정' }],
    plan: {
      longTermGoals: '자립',
      shortTermGoals: '난방',
      services: [{ id: uuid(), domain: 'health', name: '방문건강관리', provider: '보건소', frequency: '주 1회', startDate: '2026-11-10' }],
    },
    linkages: [{ id: uuid(), domain: 'economy', service: '긴급지원', provider: '구청', memberIds: [memberId], status: 'requested', note: '접수' }],
    monitoring: [{ id: uuid(), date: '2026-11-20', contact: 'reached', text: '전화 점검' }],
    visits: [
      {
        id: uuid(),
        visitedAt: '2026-11-05T01:00:00.000Z',
        visitors: [],
        kind: 'solo',
        contact: 'met',
        welfareCheck: '',
        health: '',
        housing: '',
        crisisSigns: [],
        observations: '보일러 고장',
        nextSteps: '',
      },
    ],
    closure: { date: '2026-11-30', reason: 'improved', note: '상황 호전' },
    followUps: [{ id: uuid(), date: '2027-05-30', contact: 'met', note: '확인' }],
  }
}

/** Two replicas of one case file with distinct Yjs clients. */
function twoDevices(cf: CaseFile): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  writeNewCase(a, cf)
  const b = new Y.Doc()
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  return [a, b]
}

function sync(first: Y.Doc, second: Y.Doc): void {
  const fromFirst = Y.encodeStateAsUpdate(first, Y.encodeStateVector(second))
  const fromSecond = Y.encodeStateAsUpdate(second, Y.encodeStateVector(first))
  Y.applyUpdate(second, fromFirst)
  Y.applyUpdate(first, fromSecond)
}

type EntityKind = Exclude<Collection, 'members'>
const TEXT_KEY: Record<EntityKind, string> = { conferences: 'notes', linkages: 'note', monitoring: 'text', visits: 'observations', followUps: 'note' }

describe('an entity deleted on one device and edited on another', () => {
  const kinds: EntityKind[] = ['conferences', 'linkages', 'monitoring', 'visits', 'followUps']
  it.each(kinds.flatMap((k) => [[k, 'delete first'], [k, 'edit first']] as const))('%s: the delete wins, %s', (kind, order) => {
    const cf = fullCase()
    const [a, b] = twoDevices(cf)
    const target = cf[kind][0] as { id: string } & Record<string, unknown>
    deleteEntity(a, kind, target.id)
    b.transact(() => {
      // An edit of a plain field (the whole-record write of update<Kind>) and of the text (setText).
      writeEntity(b, kind, { ...target, date: '2026-12-24', visitedAt: '2026-12-24T01:00:00.000Z' } as { id: string })
      applyTextDiff(textAt(childMap(rootMap(b, kind), target.id), TEXT_KEY[kind]), '동시에 고친 내용')
      rootMap(b, 'household').set('note', '2층')
    })
    if (order === 'delete first') sync(a, b)
    else sync(b, a)

    const onA = readCaseFile(a)
    expect(readCaseFile(b)).toEqual(onA)
    expect(onA[kind]).toEqual([])
    expect(JSON.stringify(onA)).not.toContain('동시에 고친 내용')
    // Nothing else is lost: the rest of the case is the seed plus B's other edit.
    expect({ ...onA, [kind]: [], household: cf.household }).toEqual({ ...cf, [kind]: [] })
    expect(onA.household.note).toBe('2층')
  })

  it.each(['delete first', 'edit first'])('planned service: the delete wins, %s', (order) => {
    const cf = fullCase()
    const [a, b] = twoDevices(cf)
    const service = cf.plan!.services[0]!
    plannedServicesMap(a).delete(service.id)
    writePlannedService(b, { ...service, frequency: '주 2회' })
    if (order === 'delete first') sync(a, b)
    else sync(b, a)
    expect(readCaseFile(a)).toEqual(readCaseFile(b))
    expect(readCaseFile(a).plan).toEqual({ ...cf.plan, services: [] })
  })

  it('an undo before syncing brings back what this device deleted; the other device’s edit stays lost', () => {
    const cf = fullCase()
    const [a, b] = twoDevices(cf)
    const target = cf.visits[0]!
    deleteEntity(a, 'visits', target.id)
    writeEntity(a, 'visits', target) // undoRemove
    applyTextDiff(textAt(childMap(rootMap(b, 'visits'), target.id), 'observations'), '보일러 고장. 동시에 고침')
    sync(a, b)
    expect(readCaseFile(b)).toEqual(readCaseFile(a))
    expect(readCaseFile(a).visits).toEqual([target])
  })
})

describe('the closure deleted on one device and edited on another', () => {
  it.each(['delete first', 'edit first'])('the edit wins and leaves a whole closure, %s', (order) => {
    const cf = { ...fullCase(), meta: { ...fullCase().meta, stage: 'delivery' as const }, followUps: [] }
    const [a, b] = twoDevices(cf)
    clearClosure(a)
    writeClosure(b, { date: '2026-12-01', reason: 'shortTermGoal', note: '단기목표 달성' })
    if (order === 'delete first') sync(a, b)
    else sync(b, a)
    expect(readCaseFile(b)).toEqual(readCaseFile(a))
    expect(readCaseFile(a).closure).toEqual({ date: '2026-12-01', reason: 'shortTermGoal', note: '단기목표 달성' })
  })

  it('a date-only edit still leaves a whole closure', () => {
    const cf = { ...fullCase(), meta: { ...fullCase().meta, stage: 'delivery' as const }, followUps: [] }
    const [a, b] = twoDevices(cf)
    clearClosure(a)
    writeClosure(b, { ...cf.closure!, date: '2026-12-02' })
    sync(a, b)
    expect(readCaseFile(a).closure).toEqual({ ...cf.closure, date: '2026-12-02' })
  })
})
