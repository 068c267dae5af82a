// 선정 지연: after a case conference, the selection must be recorded within conferenceToSelectionDays
// (default 5); counted from the latest conference, and never once a selection exists.
import { describe, expect, it } from 'vitest'
import { DEFAULT_DEADLINES, DUE_FILTERS, computeDue } from '../../../src/domain'
import type { Conference } from '../../../src/domain'
import { makeCaseFile } from './fixtures'

const conference = (id: string, date: string): Conference => ({ id, kind: 'internal', date, attendees: [], decision: 'select', notes: '' })

describe('selectionOverdue (latest conference + conferenceToSelectionDays)', () => {
  it('turns on the day after the deadline, from the latest conference', () => {
    const cf = makeCaseFile({ meta: { stage: 'selection' }, conferences: [conference('c1', '2026-11-03'), conference('c2', '2026-11-10')] })
    expect(computeDue(cf, '2026-11-15', DEFAULT_DEADLINES).selectionOverdue).toBe(false)
    expect(computeDue(cf, '2026-11-16', DEFAULT_DEADLINES).selectionOverdue).toBe(true)
  })

  it('follows the saved setting, and is a list filter', () => {
    const cf = makeCaseFile({ meta: { stage: 'selection' }, conferences: [conference('c1', '2026-11-10')] })
    expect(computeDue(cf, '2026-11-13', { ...DEFAULT_DEADLINES, conferenceToSelectionDays: 2 }).selectionOverdue).toBe(true)
    expect(computeDue(cf, '2026-11-13', DEFAULT_DEADLINES).selectionOverdue).toBe(false)
    expect(DUE_FILTERS).toContain('selectionOverdue')
  })

  it('is off without a conference and once the selection is recorded', () => {
    expect(computeDue(makeCaseFile({ meta: { stage: 'selection' } }), '2027-01-01', DEFAULT_DEADLINES).selectionOverdue).toBe(false)
    const selected = makeCaseFile({
      meta: { stage: 'planning' },
      conferences: [conference('c1', '2026-11-10')],
      selection: { kind: 'caseManagement', decidedAt: '2026-11-12' },
    })
    expect(computeDue(selected, '2027-01-01', DEFAULT_DEADLINES).selectionOverdue).toBe(false)
  })
})
