// 이웃살피미 activity per volunteer and month, and the 발굴 → 접수 → 선정 funnel (domain/statistics.ts).
import { describe, expect, it } from 'vitest'
import { discoveryFunnel, volunteerActivity } from '../../../src/domain'
import type { Brief, CheckIn, Discovery, InboxItem } from '../../../src/domain'
import { makeCaseFile } from './fixtures'

const V1 = '11111111-1111-4111-8111-111111111111'
const V2 = '22222222-2222-4222-8222-222222222222'
const C1 = '33333333-3333-4333-8333-333333333333'
const C2 = '44444444-4444-4444-8444-444444444444'
let n = 0
const uuid = () => `aaaaaaaa-aaaa-4aaa-8aaa-${String(++n).padStart(12, '0')}`

function brief(volunteerId: string, caseId: string, assignedAt: string, endedAt?: string): Brief {
  return {
    id: uuid(), caseId, teamId: 'dong-sinchon', volunteerId, assignedBy: uuid(), assignedAt, headName: '김가상', address: '가상로 1',
    schedule: 'weekly', watchFor: '', centerContact: '', ...(endedAt ? { endedAt } : {}),
  }
}

function checkIn(by: string, briefId: string, date: string, outcome: CheckIn['outcome'], byKind: CheckIn['byKind'] = 'neighbor'): CheckIn {
  return {
    id: uuid(), teamId: 'dong-sinchon', by, byKind, createdAt: `${date}T01:00:00.000Z`, kind: 'checkin', briefId, date, outcome,
    signs: [], note: '', contactRequested: false,
  }
}

function discovery(by: string, date: string): Discovery {
  return {
    id: uuid(), teamId: 'dong-sinchon', by, byKind: 'tongjang', createdAt: `${date}T02:00:00.000Z`, kind: 'discovery', date, place: '명물길 7',
    who: '어르신', signs: [], crisisTypes: [], urgency: 'routine', consentToContact: true, note: '', photos: [],
  }
}

describe('volunteerActivity', () => {
  it('counts check-ins per volunteer and month, by outcome, with distinct households and the briefs active that month', () => {
    const b1 = brief(V1, C1, '2026-10-05T00:00:00.000Z')
    const b2 = brief(V1, C2, '2026-10-20T00:00:00.000Z', '2026-11-03T00:00:00.000Z')
    const b3 = brief(V2, C1, '2026-11-15T00:00:00.000Z')
    const reports = [
      checkIn(V1, b1.id, '2026-10-07', 'met'),
      checkIn(V1, b1.id, '2026-10-14', 'absent'),
      checkIn(V1, b2.id, '2026-10-21', 'phone'),
      checkIn(V1, b1.id, '2026-11-02', 'met', 'tongjang'),
      discovery(V1, '2026-11-05'),
      checkIn(V2, b3.id, '2026-11-16', 'refused'),
    ]
    const rows = volunteerActivity(reports, [b1, b2, b3])
    expect(rows.map((r) => [r.volunteerId, r.month])).toEqual([[V1, '2026-10'], [V1, '2026-11'], [V2, '2026-11']])
    expect(rows[0]).toEqual({
      volunteerId: V1, month: '2026-10', kind: 'neighbor', checkIns: 3, byOutcome: { met: 1, absent: 1, refused: 0, phone: 1 },
      households: 2, activeBriefs: 2, discoveries: 0,
    })
    // 11월: b2 ended on the 3rd (still active that month); the latest report (a discovery as 복지통장) gives the kind.
    expect(rows[1]).toMatchObject({ checkIns: 1, households: 1, activeBriefs: 2, discoveries: 1, kind: 'tongjang' })
    expect(rows[2]).toMatchObject({ checkIns: 1, byOutcome: { refused: 1 }, households: 1, activeBriefs: 1 })
  })

  it('is empty without reports, and counts a check-in of an unknown brief as its own household', () => {
    expect(volunteerActivity([], [])).toEqual([])
    const [row] = volunteerActivity([checkIn(V1, uuid(), '2026-12-01', 'met'), checkIn(V1, uuid(), '2026-12-02', 'met')], [])
    expect(row).toMatchObject({ month: '2026-12', checkIns: 2, households: 2, activeBriefs: 0 })
  })
})

describe('discoveryFunnel', () => {
  it('counts discoveries, those turned into a case file, and those whose case was selected for 사례관리', () => {
    const selected = makeCaseFile({ meta: { id: C1, stage: 'planning' }, selection: { kind: 'caseManagement', decidedAt: '2026-11-10' } })
    const linkageOnly = makeCaseFile({ meta: { id: C2, stage: 'selection' }, selection: { kind: 'linkage', decidedAt: '2026-11-10' } })
    const at = '2026-11-06T00:00:00.000Z'
    const items: InboxItem[] = [
      { name: 'report/1', report: discovery(V1, '2026-11-01'), handling: { intake: { by: V2, at, caseId: C1 } } },
      { name: 'report/2', report: discovery(V1, '2026-11-02'), handling: { intake: { by: V2, at, caseId: C2 } } },
      { name: 'report/3', report: discovery(V1, '2026-11-03'), handling: { ack: { by: V2, at } } },
      { name: 'report/4', report: discovery(V2, '2026-11-04'), handling: { intake: { by: V2, at, caseId: uuid() } } },
      { name: 'report/5', report: checkIn(V1, uuid(), '2026-11-04', 'met'), handling: { linked: { by: V2, at, caseId: C1, monitoringId: uuid() } } },
    ]
    expect(discoveryFunnel(items, [selected, linkageOnly])).toEqual({ discoveries: 4, intake: 3, selected: 1 })
    expect(discoveryFunnel([], [selected])).toEqual({ discoveries: 0, intake: 0, selected: 0 })
  })
})
