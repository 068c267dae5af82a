// Text kept for the worker after a refusal never holds a full 주민등록번호: birth date and sex digit stay.
import { describe, expect, it } from 'vitest'
import { containsRrn, maskFullRrns } from '../../../src/domain'

describe('maskFullRrns', () => {
  it('cuts every full number to birth date and sex digit, in whatever form it was typed', () => {
    const masked = maskFullRrns('본인 900101-1234568, 배우자 9203152345671 / 901231 - 2345678 확인')
    expect(masked).toBe('본인 900101-1******, 배우자 9203152****** / 901231 - 2****** 확인')
    expect(containsRrn(masked)).toBe(false)
  })
  it('leaves phones, dates, masked numbers and longer digit runs alone', () => {
    const text = '010-1234-5678 · 2026-11-21 · 901231-1****** · 19012311234567'
    expect(maskFullRrns(text)).toBe(text)
  })
})
