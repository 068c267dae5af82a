// The case list's search and filters: names with 초성, address (two characters or more), phone digits
// with or without hyphens, 행복e음 관리번호; 대상 유형, selection (or none yet) and level; three orders.
import { describe, expect, it } from 'vitest'
import { CASE_ORDER, matchesCaseFilter, matchesCaseQuery } from '../../../src/domain'
import type { CaseSummary } from '../../../src/domain'

const none = { assessmentOverdue: false, selectionOverdue: false, planOverdue: false, visitOverdue: false, monitoringDue: false, noContact3m: false, followUpDue: false }

function summary(over: Partial<CaseSummary>): CaseSummary {
  return {
    id: '00000000-0000-4000-8000-000000000001', headName: '김민수', memberNames: ['김민수', '이영희'], targetType: 'basic',
    stage: 'delivery', level: 'general', address: '서울특별시 서대문구 신촌로 10 101호', phones: ['01012345678'],
    due: none, updatedAt: '2026-11-20T09:00:00+09:00', ...over,
  }
}

describe('case search', () => {
  const s = summary({ householdNo: '2026-0001234' })
  it('finds by name, 초성 and a member name', () => {
    expect(matchesCaseQuery(s, '민수')).toBe(true)
    expect(matchesCaseQuery(s, 'ㄱㅁㅅ')).toBe(true)
    expect(matchesCaseQuery(s, '영희')).toBe(true)
    expect(matchesCaseQuery(s, '박지성')).toBe(false)
  })
  it('finds by address from two characters, ignoring spaces', () => {
    expect(matchesCaseQuery(s, '신촌로10')).toBe(true)
    expect(matchesCaseQuery(s, '서대문구 신촌')).toBe(true)
    // One character searches names only: not every address in 서울.
    expect(matchesCaseQuery(summary({ headName: '박민준', memberNames: ['박민준'] }), '서')).toBe(false)
    expect(matchesCaseQuery(s, '마포구')).toBe(false)
  })
  it('finds by phone digits typed with or without hyphens, from three digits', () => {
    expect(matchesCaseQuery(s, '010-1234')).toBe(true)
    expect(matchesCaseQuery(s, '5678')).toBe(true)
    expect(matchesCaseQuery(s, '1234 5678')).toBe(true)
    expect(matchesCaseQuery(s, '99')).toBe(false)
    expect(matchesCaseQuery(s, '010-9999')).toBe(false)
  })
  it('finds by 행복e음 관리번호 with or without the hyphen', () => {
    expect(matchesCaseQuery(s, '20260001234')).toBe(true)
    expect(matchesCaseQuery(s, '2026-00012')).toBe(true)
    expect(matchesCaseQuery(summary({}), '2026-0001234')).toBe(false)
  })
  it('tolerates a row stored before phones were listed', () => {
    const old = { ...summary({}), phones: undefined } as unknown as CaseSummary
    expect(matchesCaseQuery(old, '5678')).toBe(false)
    expect(matchesCaseQuery(old, '민수')).toBe(true)
  })
})

describe('case filters', () => {
  it('by 대상 유형, level and selection, including "not selected yet"', () => {
    const picked = summary({ targetType: 'nearPoor', level: 'intensive', selectionKind: 'caseManagement' })
    expect(matchesCaseFilter(picked, { targetType: 'nearPoor', level: 'intensive', selection: 'caseManagement' })).toBe(true)
    expect(matchesCaseFilter(picked, { targetType: 'basic' })).toBe(false)
    expect(matchesCaseFilter(picked, { level: 'general' })).toBe(false)
    expect(matchesCaseFilter(picked, { selection: 'none' })).toBe(false)
    expect(matchesCaseFilter(summary({}), { selection: 'none' })).toBe(true)
    expect(matchesCaseFilter(summary({}), {})).toBe(true)
  })
})

describe('case orders', () => {
  const a = summary({ id: 'a', headName: '하정우', nextDue: '2026-12-01', lastContactDate: '2026-11-01' })
  const b = summary({ id: 'b', headName: '가나다', lastContactDate: '2026-10-01' })
  const c = summary({ id: 'c', headName: '나무', nextDue: '2026-11-30', lastContactDate: '2026-11-20' })
  const ids = (order: keyof typeof CASE_ORDER) => [a, b, c].sort(CASE_ORDER[order]).map((x) => x.headName)
  it('가나다, nearest deadline (none last), longest without contact first', () => {
    expect(ids('name')).toEqual(['가나다', '나무', '하정우'])
    expect(ids('nextDue')).toEqual(['나무', '하정우', '가나다'])
    expect(ids('lastContact')).toEqual(['가나다', '하정우', '나무'])
  })
})
