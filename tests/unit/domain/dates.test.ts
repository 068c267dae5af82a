import { describe, expect, it } from 'vitest'
import { addDays, addMonths, dayOf, daysBetween, formatDate, formatDateTime, isDateString, todayInSeoul } from '../../../src/domain'

describe('todayInSeoul', () => {
  it('uses the Seoul calendar day, not UTC', () => {
    expect(todayInSeoul(new Date('2026-11-21T14:59:59Z'))).toBe('2026-11-21')
    expect(todayInSeoul(new Date('2026-11-21T15:00:00Z'))).toBe('2026-11-22')
  })
  it('agrees with the time-zone database for any instant, before and after Korea dropped daylight saving', () => {
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' })
    const from = Date.UTC(1987, 0, 1)
    const to = Date.UTC(2040, 0, 1)
    for (let i = 0; i < 2000; i++) {
      // Deterministic spread, including the minutes around midnight in Seoul.
      const t = new Date(from + ((i * 7_919_993_311) % (to - from)) + (i % 3) * 60_000)
      expect(todayInSeoul(t), t.toISOString()).toBe(intl.format(t))
    }
    // 1987 summer time (UTC+10): 14:30 UTC was already the next day in Seoul.
    expect(todayInSeoul(new Date('1987-07-01T14:30:00Z'))).toBe('1987-07-02')
    expect(formatDateTime('2026-11-21T15:05:00Z')).toBe('2026.11.22 00:05')
  })
  it('defaults to now and returns a date string', () => {
    expect(isDateString(todayInSeoul())).toBe(true)
  })
})

describe('calendar arithmetic', () => {
  it('counts days between dates, signed', () => {
    expect(daysBetween('2026-11-01', '2026-11-11')).toBe(10)
    expect(daysBetween('2026-11-11', '2026-11-01')).toBe(-10)
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1)
  })
  it('treats instants as their Seoul day', () => {
    expect(dayOf('2026-11-21T16:00:00Z')).toBe('2026-11-22')
    expect(daysBetween('2026-11-21', '2026-11-21T16:00:00Z')).toBe(1)
  })
  it('adds days across months and years', () => {
    expect(addDays('2026-11-25', 10)).toBe('2026-12-05')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })
  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2026-08-15', 6)).toBe('2027-02-15')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
  })
  it('refuses impossible dates', () => {
    expect(isDateString('2026-02-30')).toBe(false)
    expect(isDateString('2026-2-3')).toBe(false)
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError)
    expect(() => dayOf('yesterday')).toThrow(RangeError)
  })
})

describe('display formats', () => {
  it('formats dates as 2026.11.21', () => {
    expect(formatDate('2026-11-21')).toBe('2026.11.21')
    expect(formatDate('2026-11-21T16:00:00Z')).toBe('2026.11.22')
  })
  it('formats instants in Seoul time, 24-hour', () => {
    expect(formatDateTime('2026-11-21T05:05:00Z')).toBe('2026.11.21 14:05')
    expect(formatDateTime('2026-11-21T15:30:00Z')).toBe('2026.11.22 00:30')
  })
})
