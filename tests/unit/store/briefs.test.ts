// 이웃살피미 배정 (store/briefs.ts): a brief is derived from the case file and holds the brief fields only;
// editing takes the household part from the current case file again; 배정 종료 stamps endedAt.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BriefSchema } from '../../../src/domain'
import {
  ValidationError, addMember, assignVolunteer, getCaseFile, createCase, endAssignment, listCaseBriefs, setSession, updateAssignment, updateHousehold,
} from '../../../src/store'
import { openDoc } from '../../../src/store/docStore'
import { briefDocName, plainOf } from '../../../src/store/volunteerDocs'
import { caseInput, useFreshStore } from './helpers'

const VOL = '0b7a4c1e-1d2f-4a5b-8c9d-0e1f2a3b4c5d'
const WORKER = { id: '6f1e2d3c-4b5a-4968-8776-65544332211a', team: 'dong-sinchon' }
const input = { volunteerId: VOL, schedule: 'weekly' as const, watchFor: '식사를 거르시는지', centerContact: '신촌동 주민센터 김복지 02-330-1234' }

async function sensitiveCase(): Promise<string> {
  return createCase(caseInput({
    household: { targetType: 'basic', address: '서울특별시 서대문구 신촌로 10', addressDetail: '101호', note: '가구 메모: 채무 상담 중' },
    members: [
      { name: '김민수', birthDate: '1950-03-02', sexDigit: '1', phone: '010-1234-5678', relation: '본인' },
      { name: '이영희', birthDate: '1953-07-11', relation: '배우자' },
    ],
    intake: { date: '2026-11-01', source: 'dongCenter', presentingProblem: '우울증 약 복용 중, 난방비 체납' },
  }))
}

describe('assignVolunteer', () => {
  useFreshStore()

  it('derives the brief from the case file: head name, address, phone, the worker\'s fields', async () => {
    const caseId = await sensitiveCase()
    const brief = await assignVolunteer(caseId, input, WORKER)
    expect(brief).toMatchObject({
      caseId, teamId: 'dong-sinchon', volunteerId: VOL, assignedBy: WORKER.id, headName: '김민수',
      address: '서울특별시 서대문구 신촌로 10 101호', schedule: 'weekly', watchFor: input.watchFor, centerContact: input.centerContact,
    })
    expect(brief.endedAt).toBeUndefined()
    expect((await listCaseBriefs(caseId)).map((e) => e.brief.id)).toEqual([brief.id])
    expect(await listCaseBriefs(crypto.randomUUID())).toEqual([])
  })

  it('saves exactly the brief fields: no health, notes, members or 주민등록번호 in the stored document', async () => {
    const caseId = await sensitiveCase()
    const brief = await assignVolunteer(caseId, input, WORKER)
    const doc = await openDoc(briefDocName(brief.id))
    expect([...doc.share.keys()]).toEqual(['brief'])
    const keys = Object.keys(plainOf(doc, 'brief')).sort()
    const allowed = Object.keys(BriefSchema.def.shape).filter((k) => k !== 'endedAt').sort()
    expect(keys).toEqual(allowed)
    const serialized = JSON.stringify(doc.toJSON()) + new TextDecoder().decode(Y.encodeStateAsUpdate(doc))
    for (const secret of ['1950-03-02', '1953-07-11', '500302', '이영희', '배우자', '우울증', '채무', '난방비']) {
      expect(serialized).not.toContain(secret)
    }
  })

  it('uses the signed-in worker from the session, and refuses without one', async () => {
    const caseId = await sensitiveCase()
    await expect(assignVolunteer(caseId, input)).rejects.toBeInstanceOf(ValidationError)
    await setSession({ token: 't', user: { id: WORKER.id, username: 'dong.worker', role: 'worker', team: 'dong-sinchon' } })
    expect((await assignVolunteer(caseId, input)).assignedBy).toBe(WORKER.id)
  })

  it('refuses an invalid schedule or an over-long 살펴볼 점, and a case that does not exist', async () => {
    const caseId = await sensitiveCase()
    await expect(assignVolunteer(caseId, { ...input, watchFor: 'ㄱ'.repeat(501) }, WORKER)).rejects.toThrow()
    await expect(assignVolunteer(crypto.randomUUID(), input, WORKER)).rejects.toThrow()
    expect(await listCaseBriefs(caseId)).toEqual([])
  })
})

describe('updateAssignment and endAssignment', () => {
  useFreshStore()

  it('edits the worker\'s fields and takes name, address and phone from the current case file', async () => {
    const caseId = await sensitiveCase()
    const brief = await assignVolunteer(caseId, input, WORKER)
    await updateHousehold(caseId, { address: '서울특별시 서대문구 연세로 5', addressDetail: '202호' })
    const edited = await updateAssignment(brief.id, { schedule: 'monthly', watchFor: '우편물' }, WORKER)
    expect(edited).toMatchObject({
      id: brief.id, assignedAt: brief.assignedAt, assignedBy: WORKER.id, volunteerId: VOL, schedule: 'monthly', watchFor: '우편물',
      centerContact: input.centerContact, address: '서울특별시 서대문구 연세로 5 202호', headName: '김민수',
    })
    await addMember(caseId, { name: '박새봄', isHead: false })
    expect((await listCaseBriefs(caseId))[0]?.brief).toEqual(edited)
  })

  it('배정 종료 stamps endedAt once; an ended brief cannot be edited; active briefs list first', async () => {
    const caseId = await sensitiveCase()
    const first = await assignVolunteer(caseId, input, WORKER)
    const ended = await endAssignment(first.id, WORKER)
    expect(ended.endedAt).toBeDefined()
    expect((await endAssignment(first.id, WORKER)).endedAt).toBe(ended.endedAt)
    await expect(updateAssignment(first.id, { watchFor: 'x' }, WORKER)).rejects.toBeInstanceOf(ValidationError)
    const second = await assignVolunteer(caseId, { ...input, schedule: 'biweekly' }, WORKER)
    expect((await listCaseBriefs(caseId)).map((e) => e.brief.id)).toEqual([second.id, first.id])
    await expect(endAssignment(crypto.randomUUID(), WORKER)).rejects.toBeInstanceOf(ValidationError)
  })

  it('배정 and 배정 종료 are events of the case history, naming the volunteer', async () => {
    const caseId = await sensitiveCase()
    const brief = await assignVolunteer(caseId, input, WORKER, 'dong.volunteer')
    await endAssignment(brief.id, WORKER, 'dong.volunteer')
    const history = (await getCaseFile(caseId))!.history.filter((h) => h.kind.startsWith('volunteer'))
    expect(history).toMatchObject([
      { kind: 'volunteerAssigned', to: 'dong.volunteer', note: '매주', at: brief.assignedAt },
      { kind: 'volunteerEnded', from: 'dong.volunteer' },
    ])
  })
})
