// Pure rules of briefs and volunteer reports (src/domain/brief.ts, volunteerReport.ts).
import { describe, expect, it } from 'vitest'
import {
  BriefSchema, briefFromCase, discoveryDue, inboxOrder, isDiscoveryOverdue, isUrgent, nextCheckInDue, reportStatus, urgentOpenCount,
} from '../../../src/domain'
import type { CheckIn, Discovery, InboxItem } from '../../../src/domain'
import { makeCaseFile, makeMember } from './fixtures'

const checkIn = (patch: Partial<CheckIn> = {}): CheckIn => ({
  id: 'c1', teamId: 'dong-sinchon', by: 'v1', byKind: 'neighbor', createdAt: '2026-11-21T10:00:00+09:00',
  kind: 'checkin', briefId: 'b1', date: '2026-11-21', outcome: 'met', signs: [], note: '', contactRequested: false, ...patch,
})
const discovery = (patch: Partial<Discovery> = {}): Discovery => ({
  id: 'd1', teamId: 'dong-sinchon', by: 'v1', byKind: 'tongjang', createdAt: '2026-11-10T10:00:00+09:00',
  kind: 'discovery', date: '2026-11-10', place: '가상로 3 반지하', who: '70대 남성', signs: [], crisisTypes: ['livelihood'],
  urgency: 'routine', consentToContact: true, note: '', photos: [], ...patch,
})

describe('briefFromCase', () => {
  it('takes the head\'s name and phone and the address, and nothing else of the case', () => {
    const cf = makeCaseFile({
      members: [
        makeMember({ name: '이가상', isHead: false, birthDate: '1990-01-01' }),
        makeMember({ name: '박세대', isHead: true, phone: '01098765432', birthDate: '1944-05-05' }),
      ],
    })
    const b = briefFromCase(
      { caseId: cf.meta.id, teamId: 'dong-sinchon', household: { ...cf.household, addressDetail: '101호' }, members: cf.members },
      { volunteerId: 'v1', schedule: 'weekly', watchFor: '식사', centerContact: '주민센터 02-000-0000' },
      { id: 'b1', assignedBy: 'w1', assignedAt: '2026-11-20T09:00:00+09:00' },
    )
    expect(b.headName).toBe('박세대')
    expect(b.phone).toBe('01098765432')
    expect(b.address).toBe(`${cf.household.address} 101호`)
    expect(Object.keys(b).sort()).toEqual(Object.keys(BriefSchema.shape).filter((k) => k !== 'endedAt').sort())
    const text = JSON.stringify(b)
    expect(text).not.toContain('1944')
    expect(text).not.toContain('이가상')
  })

  it('the schema refuses any extra field', () => {
    const base = { id: 'b1', caseId: 'c1', teamId: 't', volunteerId: 'v', assignedBy: 'w', assignedAt: '2026-11-20T09:00:00+09:00', headName: '가', address: '나', schedule: 'weekly', watchFor: '', centerContact: '' }
    expect(BriefSchema.safeParse(base).success).toBe(true)
    expect(BriefSchema.safeParse({ ...base, health: '고혈압' }).success).toBe(false)
  })
})

describe('nextCheckInDue', () => {
  const brief = { schedule: 'weekly' as const, assignedAt: '2026-11-20T01:00:00Z' }
  it('is the assignment day before any check-in, then one interval after the last', () => {
    expect(nextCheckInDue(brief, [])).toBe('2026-11-20')
    expect(nextCheckInDue(brief, ['2026-11-21', '2026-11-27'])).toBe('2026-12-04')
    expect(nextCheckInDue({ ...brief, schedule: 'biweekly' }, ['2026-11-21'])).toBe('2026-12-05')
    expect(nextCheckInDue({ ...brief, schedule: 'monthly' }, ['2026-01-31'])).toBe('2026-02-28')
  })
})

describe('urgency and the inbox', () => {
  it('urgent: suicide-risk or utility signs, a contact request, or a discovery marked 긴급', () => {
    expect(isUrgent(checkIn())).toBe(false)
    expect(isUrgent(checkIn({ signs: ['suicideRisk'] }))).toBe(true)
    expect(isUrgent(checkIn({ signs: ['utilityCutoff'] }))).toBe(true)
    expect(isUrgent(checkIn({ signs: ['mailPiling'] }))).toBe(false)
    expect(isUrgent(checkIn({ contactRequested: true }))).toBe(true)
    expect(isUrgent(discovery())).toBe(false)
    expect(isUrgent(discovery({ urgency: 'urgent' }))).toBe(true)
  })

  it('orders open urgent items first, then open ones, then handled ones, newest first in each', () => {
    const item = (name: string, report: CheckIn | Discovery, handling = {}): InboxItem => ({ name, report, handling })
    const items = [
      item('old-open', checkIn({ createdAt: '2026-11-01T00:00:00Z' })),
      item('handled-urgent', checkIn({ signs: ['suicideRisk'], createdAt: '2026-11-25T00:00:00Z' }), { ack: { by: 'w', at: '2026-11-25T01:00:00Z' } }),
      item('new-open', checkIn({ createdAt: '2026-11-20T00:00:00Z' })),
      item('urgent', discovery({ urgency: 'urgent', createdAt: '2026-11-02T00:00:00Z' })),
    ]
    expect(inboxOrder(items).map((i) => i.name)).toEqual(['urgent', 'new-open', 'old-open', 'handled-urgent'])
    expect(urgentOpenCount(items)).toBe(1)
  })

  it('a discovery is due 14 days after it was made, unless taken in or linked', () => {
    const d = discovery()
    expect(discoveryDue(d)).toBe('2026-11-24')
    expect(isDiscoveryOverdue(d, {}, '2026-11-24')).toBe(false)
    expect(isDiscoveryOverdue(d, {}, '2026-11-25')).toBe(true)
    expect(isDiscoveryOverdue(d, { intake: { by: 'w', at: '2026-11-12T00:00:00Z', caseId: 'c' } }, '2026-11-30')).toBe(false)
  })

  it('the volunteer sees sent, 확인됨 or 접수됨', () => {
    expect(reportStatus({})).toBe('sent')
    expect(reportStatus({ ack: { by: 'w', at: '2026-11-12T00:00:00Z' } })).toBe('acknowledged')
    expect(reportStatus({ ack: { by: 'w', at: '2026-11-12T00:00:00Z' }, intake: { by: 'w', at: '2026-11-12T00:00:00Z', caseId: 'c' } })).toBe('received')
    expect(reportStatus({ linked: { by: 'w', at: '2026-11-12T00:00:00Z', caseId: 'c', monitoringId: 'm' } })).toBe('received')
  })
})
