// Guard tests for small input rules (mutation survivors of src/domain/format.ts, dates.ts, selection.ts):
// phone numbers that are not Korean landline, mobile or 1588-style numbers are left as typed; 초성 search
// covers the first syllable 가 and ignores spaces on both sides; impossible dates are refused.
import { describe, expect, it } from 'vitest'
import { SelectionSchema, choseong, formatPhone, isDateString, matchesName } from '../../../src/domain'

describe('formatPhone leaves what is not a known pattern as typed', () => {
  it('too many or too few digits for the pattern they start like', () => {
    expect(formatPhone('158812345')).toBe('158812345') // 1588-style numbers have 8 digits
    expect(formatPhone('02123456')).toBe('02123456') // Seoul numbers have 9 or 10
    expect(formatPhone('010123456789')).toBe('010123456789') // one digit too many for a mobile
  })
  it('an international number', () => {
    expect(formatPhone('+82 010-1234-5678')).toBe('+82 010-1234-5678')
  })
})

describe('초성 search', () => {
  it('knows the very first syllable, 가', () => {
    expect(choseong('가나다')).toBe('ㄱㄴㄷ')
    expect(matchesName('가나다', 'ㄱㄴ')).toBe(true)
  })
  it('ignores spaces in the name and in the query', () => {
    expect(matchesName('김 민수', '김민')).toBe(true)
    expect(matchesName('김민수', '김 민')).toBe(true)
  })
})

describe('isDateString', () => {
  it('refuses a month 13 and a two-digit year typed as 00YY', () => {
    expect(isDateString('2026-13-01')).toBe(false)
    expect(isDateString('0026-11-01')).toBe(false) // not read as 1926
  })
})

describe('selection', () => {
  it('a blank reason does not count as the reason 사업대상제외가구 needs', () => {
    expect(SelectionSchema.safeParse({ kind: 'excluded', decidedAt: '2026-11-10', reason: '   ' }).success).toBe(false)
  })
})
