// The worker's handling of volunteer reports (store/reportIntake.ts): a discovery becomes a new case file
// prefilled from it and linked back; a check-in becomes a 점검 entry of its brief's case and is linked back.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { todayInSeoul } from '../../../src/domain'
import type { CheckIn, Discovery } from '../../../src/domain'
import {
  ValidationError, acknowledgeReport, assignVolunteer, createCase, getCaseFile, intakeFromDiscovery, linkCheckIn, listReports,
} from '../../../src/store'
import { saveReport } from '../../../src/store/volunteerStore'
import { caseInput, useFreshStore } from './helpers'

const VOL = '0b7a4c1e-1d2f-4a5b-8c9d-0e1f2a3b4c5d'
const WORKER = { id: '6f1e2d3c-4b5a-4968-8776-65544332211a', team: 'dong-sinchon' }

function discovery(patch: Partial<Discovery> = {}): Discovery {
  return {
    id: crypto.randomUUID(), teamId: 'dong-sinchon', by: VOL, byKind: 'tongjang', createdAt: '2026-11-20T01:00:00.000Z',
    kind: 'discovery', date: '2026-11-20', place: '서울특별시 서대문구 명물길 7 반지하', who: '70대 남성, 혼자 사심', name: '최누리',
    signs: ['mailPiling', 'utilityCutoff'], crisisTypes: ['livelihood', 'health'], urgency: 'urgent', consentToContact: true,
    note: '며칠째 불이 꺼져 있음', photos: [], ...patch,
  }
}

function checkIn(briefId: string, patch: Partial<CheckIn> = {}): CheckIn {
  return {
    id: crypto.randomUUID(), teamId: 'dong-sinchon', by: VOL, byKind: 'neighbor', createdAt: '2026-11-21T01:00:00.000Z',
    kind: 'checkin', briefId, date: '2026-11-21', outcome: 'phone', signs: ['isolation'], note: '외로움을 호소하심', contactRequested: true, ...patch,
  }
}

describe('접수로 전환', () => {
  useFreshStore()

  it('opens a case file prefilled from the discovery and stamps the report with it', async () => {
    const report = discovery()
    const name = await saveReport(report)
    const caseId = await intakeFromDiscovery(name, report, { targetType: 'nearPoor' }, WORKER)
    const cf = (await getCaseFile(caseId))!
    expect(cf.meta).toMatchObject({ stage: 'intake', createdBy: WORKER.id, teamId: 'dong-sinchon' })
    expect(cf.household).toMatchObject({ targetType: 'nearPoor', address: report.place })
    expect(cf.members).toMatchObject([{ name: '최누리', isHead: true }])
    expect(cf.intake).toMatchObject({ date: todayInSeoul(), source: 'volunteerReport' })
    // Linked back: the case names the report by date and number.
    expect(cf.intake.sourceDetail).toBe(`발굴 보고 ${report.date.replace(/-/g, '.')} · 보고 번호 ${report.id.slice(0, 8)}`)
    for (const text of ['복지통장', '70대 남성, 혼자 사심', '우편물', '생계', '건강·의료', '긴급', '며칠째 불이 꺼져 있음']) {
      expect(cf.intake.presentingProblem).toContain(text)
    }
    const [item] = await listReports()
    expect(item?.handling.intake).toMatchObject({ by: WORKER.id, caseId })
    await expect(intakeFromDiscovery(name, report, { targetType: 'basic' }, WORKER)).rejects.toBeInstanceOf(ValidationError)
  })

  it('opens the case with an unnamed head when the report gives no name', async () => {
    const report = discovery({ name: undefined, signs: [], crisisTypes: [], note: '' })
    const name = await saveReport(report)
    const cf = (await getCaseFile(await intakeFromDiscovery(name, report, { targetType: 'basic' }, WORKER)))!
    expect(cf.members).toMatchObject([{ name: '(이름 미상)', isHead: true }])
    expect(cf.intake.presentingProblem).toContain('어떤 분: 70대 남성')
  })
})

describe('기존 사례에 연결 and 확인', () => {
  useFreshStore()

  it('adds a 점검 entry to the brief\'s case (전화 통화 → 연락됨) and links the check-in to it', async () => {
    const caseId = await createCase(caseInput())
    const brief = await assignVolunteer(caseId, { volunteerId: VOL, schedule: 'weekly', watchFor: '', centerContact: '' }, WORKER)
    const report = checkIn(brief.id)
    const name = await saveReport(report)
    const { caseId: linked, monitoringId } = await linkCheckIn(name, report, WORKER)
    expect(linked).toBe(caseId)
    const cf = (await getCaseFile(caseId))!
    expect(cf.monitoring).toHaveLength(1)
    expect(cf.monitoring[0]).toMatchObject({ id: monitoringId, date: '2026-11-21', contact: 'reached' })
    for (const text of ['전화 통화', '고립·은둔', '외로움을 호소하심', '담당자 연락 요청']) expect(cf.monitoring[0]!.text).toContain(text)
    const [item] = await listReports()
    expect(item?.handling.linked).toEqual({ by: WORKER.id, at: expect.any(String) as string, caseId, monitoringId })
    await expect(linkCheckIn(name, report, WORKER)).rejects.toBeInstanceOf(ValidationError)
    expect((await getCaseFile(caseId))!.monitoring).toHaveLength(1)
  })

  it('maps 만남 to 만남 and 부재/거절 to 부재; refuses a check-in whose brief is not on the device', async () => {
    const caseId = await createCase(caseInput())
    const brief = await assignVolunteer(caseId, { volunteerId: VOL, schedule: 'weekly', watchFor: '', centerContact: '' }, WORKER)
    for (const [outcome, contact] of [['met', 'met'], ['absent', 'noAnswer'], ['refused', 'noAnswer']] as const) {
      const report = checkIn(brief.id, { outcome, signs: [], note: '', contactRequested: false })
      const { monitoringId } = await linkCheckIn(await saveReport(report), report, WORKER)
      expect((await getCaseFile(caseId))!.monitoring.find((m) => m.id === monitoringId)?.contact).toBe(contact)
    }
    const orphan = checkIn(crypto.randomUUID())
    await expect(linkCheckIn(await saveReport(orphan), orphan, WORKER)).rejects.toBeInstanceOf(ValidationError)
  })

  it('확인 stamps who and when', async () => {
    const name = await saveReport(discovery())
    const handling = await acknowledgeReport(name, WORKER)
    expect(handling.ack).toEqual({ by: WORKER.id, at: expect.any(String) as string })
  })
})
