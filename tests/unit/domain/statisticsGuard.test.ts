// Guard tests for the supervisors' tables (mutation survivors of src/domain/statistics.ts): a case in
// follow-up counts as 종결, and a period is inclusive at both ends — a case opened on its last day or
// closed on its first day was open in it; visits count by their Seoul day; linkages by their start day.
import { describe, expect, it } from 'vitest'
import { caseStatusColumn, computeStatistics } from '../../../src/domain'
import { makeCaseFile, makeLinkage, makeMember, makeVisit } from './fixtures'

const cm = { kind: 'caseManagement' as const, decidedAt: '2026-11-10' }

describe('현황 column', () => {
  it('a case in 사후관리 is counted as closed, not under its selection', () => {
    const cf = makeCaseFile({ meta: { stage: 'followUp' }, selection: cm, closure: { date: '2026-12-20', reason: 'improved' } })
    expect(caseStatusColumn(cf)).toBe('closed')
    expect(computeStatistics([cf]).byCaseStatus).toEqual({ caseManagement: 0, linkage: 0, notSelected: 0, closed: 1, pending: 0 })
  })
})

describe('현황 column of a household not selected yet', () => {
  const conf = (date: string, decision: 'continue' | 'notSelected') => ({ id: `c-${date}`, kind: 'internal' as const, date, attendees: [], decision, notes: '' })
  it('follows the latest conference: one that reconsidered a 미선정 decision leaves the household pending', () => {
    const reconsidered = makeCaseFile({
      meta: { stage: 'assessment' },
      conferences: [conf('2026-11-20', 'continue'), conf('2026-11-10', 'notSelected'), conf('2026-11-05', 'continue')],
    })
    expect(caseStatusColumn(reconsidered)).toBe('pending')
    const declined = makeCaseFile({
      meta: { stage: 'assessment' },
      conferences: [conf('2026-11-10', 'continue'), conf('2026-11-20', 'notSelected'), conf('2026-11-05', 'continue')],
    })
    expect(caseStatusColumn(declined)).toBe('notSelected')
  })
})

describe('a period is inclusive at both ends', () => {
  const openedNov1 = makeCaseFile() // intake 2026-11-01, still open
  const closedDec1 = makeCaseFile({ meta: { stage: 'closed' }, selection: cm, closure: { date: '2026-12-01', reason: 'improved' } })

  it('counts a case opened on the last day of the period, not one opened after it', () => {
    expect(computeStatistics([openedNov1], { to: '2026-11-01' }).total.households).toBe(1)
    expect(computeStatistics([openedNov1], { to: '2026-10-31' }).total.households).toBe(0)
  })

  it('counts a case closed on the first day of the period, not one closed before it', () => {
    expect(computeStatistics([closedDec1], { from: '2026-12-01' }).total.households).toBe(1)
    expect(computeStatistics([closedDec1], { from: '2026-12-02' }).total.households).toBe(0)
  })

  it('counts visits by their Seoul day, on the first and the last day of the period', () => {
    const cf = makeCaseFile({
      visits: [
        makeVisit({ kind: 'solo', visitedAt: '2026-11-30T15:30:00Z' }), // 2026-12-01 00:30 in Seoul
        makeVisit({ kind: 'jointHealthCenter', visitedAt: '2026-12-31T14:59:00Z' }), // 2026-12-31 23:59 in Seoul
      ],
    })
    const december = computeStatistics([cf], { from: '2026-12-01', to: '2026-12-31' })
    expect(december.visitedHouseholdsByKind).toEqual({ solo: 1, jointHealthCenter: 1, jointOther: 0 })
    const november = computeStatistics([cf], { from: '2026-11-01', to: '2026-11-30' })
    expect(november.visitedHouseholdsTotal).toBe(0)
  })

  it('counts linkages started in the period, and those with no start day; not those started outside it', () => {
    const cf = makeCaseFile({
      members: [makeMember({ id: 'h', isHead: true }), makeMember({ id: 'k1' }), makeMember({ id: 'k2' }), makeMember({ id: 'k3' })],
      linkages: [
        makeLinkage(['h'], { domain: 'health', status: 'inProgress', startDate: '2026-12-01' }),
        makeLinkage(['k1'], { domain: 'health', status: 'completed', startDate: '2026-12-31' }),
        makeLinkage(['k2'], { domain: 'health', status: 'completed', startDate: '2026-11-30' }),
        makeLinkage(['k3'], { domain: 'economy', status: 'requested', startDate: '2027-01-01' }),
        makeLinkage(['k3'], { domain: 'housing', status: 'requested' }),
      ],
    })
    const december = computeStatistics([cf], { from: '2026-12-01', to: '2026-12-31' })
    expect(december.linkedPersonsByDomain).toMatchObject({ health: 2, economy: 0, housing: 1 })
    expect(december.linkedPersonsTotal).toBe(3)
    // Without a period every linkage made counts.
    expect(computeStatistics([cf]).linkedPersonsTotal).toBe(5)
  })
})
