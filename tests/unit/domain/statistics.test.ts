import { beforeEach, describe, expect, it } from 'vitest'
import { caseStatusColumn, computeStatistics } from '../../../src/domain'
import type { Statistics } from '../../../src/domain'
import { makeCaseFile, makeLinkage, makeMember, makeVisit } from './fixtures'

// Six synthetic households; the expected numbers below are counted by hand from these.
const cm = { kind: 'caseManagement' as const, decidedAt: '2026-11-10' }
const plan = { longTermGoals: '자립', shortTermGoals: '', services: [] }
const conf = (date: string, decision: 'continue' | 'notSelected') => ({ id: `c-${date}`, kind: 'internal' as const, date, attendees: [], decision, notes: '' })

const A = makeCaseFile({
  meta: { stage: 'delivery' },
  selection: cm,
  plan,
  household: { targetType: 'basic' },
  members: [makeMember({ id: 'a1', isHead: true }), makeMember({ id: 'a2' })],
  linkages: [
    makeLinkage(['a1', 'a2'], { domain: 'health', status: 'inProgress' }),
    makeLinkage(['a1'], { domain: 'health', status: 'completed' }), // a1 again: still 2 people in 건강
    makeLinkage(['a1'], { domain: 'economy', status: 'requested' }),
    makeLinkage(['a2'], { domain: 'housing', status: 'cancelled' }), // not linked
    makeLinkage(['a1'], { domain: 'education', status: 'planned' }), // not linked yet
  ],
  visits: [makeVisit({ kind: 'solo' }), makeVisit({ kind: 'solo' }), makeVisit({ kind: 'jointHealthCenter' })],
})
const B = makeCaseFile({
  meta: { stage: 'delivery' },
  selection: { kind: 'linkage', decidedAt: '2026-11-10' },
  household: { targetType: 'nearPoor' },
  members: [makeMember({ id: 'b1', isHead: true })],
  linkages: [makeLinkage(['b1'], { domain: 'health', status: 'completed' })],
  visits: [makeVisit({ kind: 'solo', contact: 'noAnswer' }), makeVisit({ kind: 'jointOther' })],
})
const C = makeCaseFile({
  meta: { stage: 'closed' },
  selection: cm,
  closure: { date: '2026-12-20', reason: 'shortTermGoal' },
  household: { targetType: 'basic' },
  members: [makeMember({ id: 'c1', isHead: true }), makeMember({ id: 'c2' }), makeMember({ id: 'c3' })],
  linkages: [makeLinkage(['c1', 'c2'], { domain: 'employment', status: 'completed' })],
})
const D = makeCaseFile({
  meta: { stage: 'selection' },
  selection: { kind: 'excluded', decidedAt: '2026-11-10', reason: '타 기관 사례관리 중' },
  household: { targetType: 'lowIncome' },
})
const E = makeCaseFile({
  meta: { stage: 'assessment' },
  household: { targetType: 'nearPoor' },
  members: [makeMember({ id: 'e1', isHead: true }), makeMember({ id: 'e2' })],
  conferences: [conf('2026-11-20', 'notSelected'), conf('2026-11-05', 'continue')],
})
const F = makeCaseFile({ household: { targetType: 'basic' } })
const ALL = [A, B, C, D, E, F]

describe('computeStatistics', () => {
  // Computed per test, not while the file is collected: a mutation run (npm run mutate) only attributes
  // and activates mutants inside tests and their hooks.
  let s: Statistics
  beforeEach(() => {
    s = computeStatistics(ALL)
  })

  it('counts households and persons by 대상 유형', () => {
    expect(s.total).toEqual({ households: 6, persons: 10 })
    expect(s.byTargetType).toEqual({
      basic: { households: 3, persons: 6 },
      nearPoor: { households: 2, persons: 3 },
      lowIncome: { households: 1, persons: 1 },
    })
  })

  it('puts each household in one 현황 column, closed first', () => {
    expect(s.byCaseStatus).toEqual({ caseManagement: 1, linkage: 1, notSelected: 2, closed: 1, pending: 1 })
    expect(caseStatusColumn(C)).toBe('closed')
    expect(caseStatusColumn(E)).toBe('notSelected')
    const sum = Object.values(s.byCaseStatus).reduce((a, b) => a + b, 0)
    expect(sum).toBe(s.total.households)
  })

  it('counts distinct persons linked per domain, only for linkages actually made', () => {
    expect(s.linkedPersonsByDomain).toEqual({ economy: 1, housing: 0, health: 3, education: 0, relationship: 0, employment: 2, legal: 0, other: 0 })
    expect(s.linkedPersonsTotal).toBe(6)
  })

  it('counts households visited once per visit kind', () => {
    expect(s.visitedHouseholdsByKind).toEqual({ solo: 2, jointHealthCenter: 1, jointOther: 1 })
    expect(s.visitedHouseholdsTotal).toBe(4)
  })

  it('limits to a period', () => {
    const from2027 = computeStatistics(ALL, { from: '2027-01-01' })
    expect(from2027.total.households).toBe(5) // C closed in 2026
    expect(from2027.visitedHouseholdsTotal).toBe(0) // every visit was in November 2026
    expect(computeStatistics(ALL, { to: '2026-10-31' }).total.households).toBe(0)
  })

  it('is all zeroes for no cases', () => {
    const empty = computeStatistics([])
    expect(empty.total).toEqual({ households: 0, persons: 0 })
    expect(empty.byCaseStatus.pending).toBe(0)
  })
})
