import { describe, expect, it } from 'vitest'
import { choseong, compareKo, formatPhone, matchesName, normalizePhone } from '../../../src/domain'

describe('phones', () => {
  it('formats mobile, Seoul, regional and 1588 numbers', () => {
    expect(formatPhone('01012345678')).toBe('010-1234-5678')
    expect(formatPhone('010-1234-5678')).toBe('010-1234-5678')
    expect(formatPhone('0212345678')).toBe('02-1234-5678')
    expect(formatPhone('021234567')).toBe('02-123-4567')
    expect(formatPhone('0311234567')).toBe('031-123-4567')
    expect(formatPhone('03112345678')).toBe('031-1234-5678')
    expect(formatPhone('15881234')).toBe('1588-1234')
  })
  it('leaves what it cannot read unchanged', () => {
    expect(formatPhone('12')).toBe('12')
    expect(formatPhone('모름')).toBe('모름')
  })
  it('normalizes to digits', () => {
    expect(normalizePhone(' 010) 1234 - 5678 ')).toBe('01012345678')
  })
})

describe('Korean ordering', () => {
  it('sorts names in dictionary order', () => {
    const names = ['하은', '김민수', 'Alex', '가영', '나래', '김나연']
    const sorted = [...names].sort(compareKo)
    expect(sorted.indexOf('가영')).toBeLessThan(sorted.indexOf('김나연'))
    expect(sorted.indexOf('김나연')).toBeLessThan(sorted.indexOf('김민수'))
    expect(sorted.indexOf('김민수')).toBeLessThan(sorted.indexOf('나래'))
    expect(sorted.indexOf('나래')).toBeLessThan(sorted.indexOf('하은'))
  })
})

describe('초성 search', () => {
  it('extracts initial consonants, keeping other characters', () => {
    expect(choseong('김민수')).toBe('ㄱㅁㅅ')
    expect(choseong('까치 A1')).toBe('ㄲㅊ A1')
    expect(choseong('힣')).toBe('ㅎ')
  })
  it('matches substrings, 초성 and mixed queries', () => {
    expect(matchesName('김민수', '민수')).toBe(true)
    expect(matchesName('김민수', 'ㄱㅁㅅ')).toBe(true)
    expect(matchesName('김민수', 'ㅁㅅ')).toBe(true)
    expect(matchesName('김민수', '김ㅁ')).toBe(true)
    expect(matchesName('김민수', '')).toBe(true)
    expect(matchesName('Kim Minsu', 'minsu')).toBe(true)
  })
  it('does not match what is not there', () => {
    expect(matchesName('김민수', 'ㄱㅅ')).toBe(false) // not contiguous
    expect(matchesName('김민수', 'ㅁㄱ')).toBe(false)
    expect(matchesName('까치', 'ㄱ')).toBe(false) // ㄲ is its own initial
    expect(matchesName('김민수', '김민수님')).toBe(false)
    expect(matchesName('김민수', '박')).toBe(false)
  })
})
