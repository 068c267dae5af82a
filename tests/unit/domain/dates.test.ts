import { describe, expect, it } from 'vitest'
import { addDays, addMonths, dayOf, daysBetween, formatDate, formatDateTime, isDateString, todayInSeoul } from '../../../src/domain'

describe('todayInSeoul', () => {
  it('uses the Seoul calendar day, not UTC', () => {
    expect(todayInSeoul(new Date('2026-11-21T14:59:59Z'))).toBe('2026-11-21')
    expect(todayInSeoul(new Date('2026-11-21T15:00:00Z'))).toBe('2026-11-22')
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
