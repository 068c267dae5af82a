import { describe, expect, it } from 'vitest'
import { DEFAULT_DEADLINES, DeadlineSettingsSchema, computeDeadlines, computeDue, followUpSchedule, lastContactDate } from '../../../src/domain'
import type { CaseFile, DueFilter } from '../../../src/domain'
import { makeCaseFile, makeFollowUp, makeMonitoring, makeVisit } from './fixtures'

const cm = { kind: 'caseManagement' as const, decidedAt: '2026-11-10' }
const link = { kind: 'linkage' as const, decidedAt: '2026-11-10' }
const plan = { longTermGoals: '자립', shortTermGoals: '', services: [] }
const flag = (cf: CaseFile, today: string, key: DueFilter) => computeDue(cf, today, DEFAULT_DEADLINES)[key]

describe('settings', () => {
  it('has the published defaults', () => {
    expect(DEFAULT_DEADLINES).toMatchObject({
      intakeToAssessmentDays: 10,
      conferenceToSelectionDays: 5,
      selectionToPlanDays: 15,
      intakeToPlanDays: 30,
      visitIntervalGeneralDays: 30,
      visitIntervalIntensiveDays: 14,
      monitoringIntervalDays: 30,
      noContactMonths: 3,
      followUpIntervalMonths: 6,
    })
    expect(DeadlineSettingsSchema.safeParse(DEFAULT_DEADLINES).success).toBe(true)
  })
  it('refuses zero or fractional intervals', () => {
    expect(DeadlineSettingsSchema.safeParse({ ...DEFAULT_DEADLINES, intakeToAssessmentDays: 0 }).success).toBe(false)
    expect(DeadlineSettingsSchema.safeParse({ ...DEFAULT_DEADLINES, noContactMonths: 1.5 }).success).toBe(false)
  })
  it('uses custom settings', () => {
    const cf = makeCaseFile()
    const settings = { ...DEFAULT_DEADLINES, intakeToAssessmentDays: 3 }
    expect(computeDue(cf, '2026-11-05', settings).assessmentOverdue).toBe(true)
    expect(computeDue(cf, '2026-11-05', DEFAULT_DEADLINES).assessmentOverdue).toBe(false)
  })
})

describe('assessmentOverdue (intake + 10 days)', () => {
  it('turns on the day after the deadline', () => {
    const cf = makeCaseFile() // intake 2026-11-01
    expect(flag(cf, '2026-11-11', 'assessmentOverdue')).toBe(false)
    expect(flag(cf, '2026-11-12', 'assessmentOverdue')).toBe(true)
    expect(flag(makeCaseFile({ meta: { stage: 'assessment' } }), '2026-11-12', 'assessmentOverdue')).toBe(true)
  })
  it('is off once the assessment is done', () => {
    expect(flag(makeCaseFile({ meta: { stage: 'selection' } }), '2026-12-30', 'assessmentOverdue')).toBe(false)
  })
})

describe('planOverdue (selection + 15 days, at most intake + 30 days)', () => {
  it('counts from the selection when that is earlier', () => {
    const cf = makeCaseFile({ meta: { stage: 'planning' }, selection: cm })
    expect(flag(cf, '2026-11-25', 'planOverdue')).toBe(false)
    expect(flag(cf, '2026-11-26', 'planOverdue')).toBe(true)
  })
  it('caps at intake + 30 days when selection came late', () => {
    const cf = makeCaseFile({ meta: { stage: 'selection' }, selection: { ...cm, decidedAt: '2026-11-20T15:00:00+09:00' } })
    expect(flag(cf, '2026-12-01', 'planOverdue')).toBe(false)
    expect(flag(cf, '2026-12-02', 'planOverdue')).toBe(true)
  })
  it('applies before selection, but not to linkage households or after delivery starts', () => {
    expect(flag(makeCaseFile({ meta: { stage: 'assessment' } }), '2026-12-02', 'planOverdue')).toBe(true)
    expect(flag(makeCaseFile({ meta: { stage: 'selection' }, selection: link }), '2027-03-01', 'planOverdue')).toBe(false)
    expect(flag(makeCaseFile({ meta: { stage: 'delivery' }, selection: cm, plan }), '2027-03-01', 'planOverdue')).toBe(false)
  })
})

describe('selection deadline (conference + 5 days)', () => {
  it('is reported as a deadline while no selection is recorded', () => {
    const conference = { id: 'c1', kind: 'internal' as const, date: '2026-11-08', attendees: ['단장'], decision: 'select' as const, notes: '' }
    expect(computeDeadlines(makeCaseFile({ meta: { stage: 'assessment' }, conferences: [conference] })).selectionBy).toBe('2026-11-13')
    expect(computeDeadlines(makeCaseFile({ meta: { stage: 'selection' }, conferences: [conference], selection: cm })).selectionBy).toBeUndefined()
  })
})

describe('visitOverdue (30 days general, 14 intensive)', () => {
  const delivering = (extra: Parameters<typeof makeCaseFile>[0] = {}) =>
    makeCaseFile({ selection: cm, plan, ...extra, meta: { stage: 'delivery', ...extra.meta } })

  it('counts from the last visit with contact', () => {
    const cf = delivering({ visits: [makeVisit({ visitedAt: '2026-11-02T10:00:00+09:00' })] })
    expect(flag(cf, '2026-12-02', 'visitOverdue')).toBe(false)
    expect(flag(cf, '2026-12-03', 'visitOverdue')).toBe(true)
  })
  it('is 14 days for 고난도 cases', () => {
    const cf = delivering({ meta: { level: 'intensive' }, visits: [makeVisit({ visitedAt: '2026-11-02T10:00:00+09:00' })] })
    expect(flag(cf, '2026-11-16', 'visitOverdue')).toBe(false)
    expect(flag(cf, '2026-11-17', 'visitOverdue')).toBe(true)
  })
  it('does not reset on a visit where nobody was home', () => {
    const cf = delivering({
      visits: [makeVisit({ visitedAt: '2026-11-02T10:00:00+09:00' }), makeVisit({ visitedAt: '2026-11-30T10:00:00+09:00', contact: 'noAnswer' })],
    })
    expect(flag(cf, '2026-12-03', 'visitOverdue')).toBe(true)
  })
  it('follows the next visit date agreed at the latest visit', () => {
    const cf = delivering({ visits: [makeVisit({ visitedAt: '2026-11-02T10:00:00+09:00', nextVisitDate: '2026-12-10' })] })
    expect(flag(cf, '2026-12-10', 'visitOverdue')).toBe(false)
    expect(flag(cf, '2026-12-11', 'visitOverdue')).toBe(true)
  })
  it('counts from the selection when there is no visit yet, and not at all before planning', () => {
    expect(flag(delivering(), '2026-12-10', 'visitOverdue')).toBe(false)
    expect(flag(delivering(), '2026-12-11', 'visitOverdue')).toBe(true)
    expect(flag(makeCaseFile({ meta: { stage: 'assessment' } }), '2027-01-30', 'visitOverdue')).toBe(false)
  })
})

describe('monitoringDue (every 30 days in delivery)', () => {
  const history = [{ at: '2026-11-15T10:00:00+09:00', kind: 'stage' as const, from: 'planning', to: 'delivery' }]
  const delivering = (extra: Parameters<typeof makeCaseFile>[0] = {}) =>
    makeCaseFile({ selection: cm, plan, history, ...extra, meta: { stage: 'delivery' } })

  it('is due 30 days after delivery started', () => {
    expect(flag(delivering(), '2026-12-14', 'monitoringDue')).toBe(false)
    expect(flag(delivering(), '2026-12-15', 'monitoringDue')).toBe(true)
  })
  it('restarts from the last monitoring with contact, not from an unanswered one', () => {
    const reached = delivering({ monitoring: [makeMonitoring({ date: '2026-12-01', contact: 'reached' })] })
    expect(flag(reached, '2026-12-30', 'monitoringDue')).toBe(false)
    expect(flag(reached, '2026-12-31', 'monitoringDue')).toBe(true)
    const unanswered = delivering({ monitoring: [makeMonitoring({ date: '2026-12-01', contact: 'noAnswer' })] })
    expect(flag(unanswered, '2026-12-15', 'monitoringDue')).toBe(true)
  })
  it('is not due outside delivery', () => {
    expect(flag(makeCaseFile({ meta: { stage: 'planning' }, selection: cm }), '2027-06-01', 'monitoringDue')).toBe(false)
  })
})

describe('noContact3m', () => {
  const open = (extra: Parameters<typeof makeCaseFile>[0] = {}) => makeCaseFile({ selection: cm, plan, ...extra, meta: { stage: 'delivery' } })

  it('counts the intake as contact and trips three months later', () => {
    expect(flag(open(), '2027-01-31', 'noContact3m')).toBe(false)
    expect(flag(open(), '2027-02-01', 'noContact3m')).toBe(true)
  })
  it('ignores a visit where nobody answered', () => {
    const cf = open({ visits: [makeVisit({ visitedAt: '2026-12-15T10:00:00+09:00', contact: 'noAnswer' })] })
    expect(lastContactDate(cf)).toBe('2026-11-01')
    expect(flag(cf, '2027-02-01', 'noContact3m')).toBe(true)
  })
  it('restarts on a met visit, counted by its Seoul day', () => {
    // 2026-12-14T20:00Z is 2026-12-15 05:00 in Seoul.
    const cf = open({ visits: [makeVisit({ visitedAt: '2026-12-14T20:00:00Z', contact: 'met' })] })
    expect(lastContactDate(cf)).toBe('2026-12-15')
    expect(flag(cf, '2027-03-14', 'noContact3m')).toBe(false)
    expect(flag(cf, '2027-03-15', 'noContact3m')).toBe(true)
  })
  it('counts a reached monitoring call and a follow-up as contact', () => {
    const cf = open({ monitoring: [makeMonitoring({ date: '2027-01-10', contact: 'reached' })], followUps: [makeFollowUp({ date: '2027-01-20' })] })
    expect(lastContactDate(cf)).toBe('2027-01-20')
    expect(flag(cf, '2027-02-01', 'noContact3m')).toBe(false)
  })
  it('does not apply to closed cases', () => {
    const cf = makeCaseFile({ meta: { stage: 'closed' }, selection: cm, closure: { date: '2026-11-20', reason: 'refusal' } })
    expect(flag(cf, '2027-06-01', 'noContact3m')).toBe(false)
  })
})

describe('follow-up schedule and followUpDue', () => {
  const closed = (extra: Parameters<typeof makeCaseFile>[0] = {}) =>
    makeCaseFile({ selection: cm, closure: { date: '2026-12-20', reason: 'improved' }, ...extra, meta: { stage: 'closed', ...extra.meta } })

  it('plans two checks six months apart for a 사례관리가구', () => {
    expect(followUpSchedule(closed())).toEqual([
      { index: 1, dueDate: '2027-06-20', done: false },
      { index: 2, dueDate: '2027-12-20', done: false },
    ])
  })
  it('plans one check for a 서비스연계가구 and none after a death or for an excluded household', () => {
    expect(followUpSchedule(closed({ selection: link }))).toEqual([{ index: 1, dueDate: '2027-06-20', done: false }])
    expect(followUpSchedule(closed({ closure: { date: '2026-12-20', reason: 'death' } }))).toEqual([])
    expect(followUpSchedule(closed({ selection: { kind: 'excluded', decidedAt: '2026-11-10', reason: '기준 초과' } }))).toEqual([])
    expect(followUpSchedule(makeCaseFile({ selection: cm }))).toEqual([])
  })
  it('marks slots done by follow-ups with contact after closure, in date order', () => {
    const cf = closed({
      followUps: [
        makeFollowUp({ date: '2026-12-01' }), // before closure: not a follow-up
        makeFollowUp({ date: '2027-06-18', contact: 'noAnswer' }),
        makeFollowUp({ date: '2027-06-25', contact: 'met' }),
      ],
    })
    expect(followUpSchedule(cf)).toEqual([
      { index: 1, dueDate: '2027-06-20', done: true, doneDate: '2027-06-25' },
      { index: 2, dueDate: '2027-12-20', done: false },
    ])
  })
  it('is due on the scheduled day until done, then waits for the next one', () => {
    expect(flag(closed(), '2027-06-19', 'followUpDue')).toBe(false)
    expect(flag(closed(), '2027-06-20', 'followUpDue')).toBe(true)
    const firstDone = closed({ meta: { stage: 'followUp' }, followUps: [makeFollowUp({ date: '2027-06-21' })] })
    expect(flag(firstDone, '2027-07-01', 'followUpDue')).toBe(false)
    expect(flag(firstDone, '2027-12-19', 'followUpDue')).toBe(false)
    expect(flag(firstDone, '2027-12-20', 'followUpDue')).toBe(true)
  })
  it('is never due after a death', () => {
    expect(flag(closed({ closure: { date: '2026-12-20', reason: 'death' } }), '2028-01-01', 'followUpDue')).toBe(false)
  })
})

// Guards for rules a small slip would break silently (issue 8): each case below fails on that slip.
describe('deadline edges', () => {
  const conference = (id: string, date: string) => ({ id, kind: 'internal' as const, date, attendees: ['단장'], decision: 'continue' as const, notes: '' })

  it('a follow-up with contact on the closure day itself fills the first slot', () => {
    const cf = makeCaseFile({
      selection: cm,
      meta: { stage: 'followUp' },
      closure: { date: '2026-12-20', reason: 'improved' },
      followUps: [makeFollowUp({ date: '2026-12-20', contact: 'met' })],
    })
    expect(followUpSchedule(cf)[0]).toEqual({ index: 1, dueDate: '2027-06-20', done: true, doneDate: '2026-12-20' })
    expect(flag(cf, '2027-06-20', 'followUpDue')).toBe(false)
    expect(computeDeadlines(cf).nextFollowUpOn).toBe('2027-12-20')
  })

  it('the selection deadline counts from the latest of several conferences, whatever their order', () => {
    const early = conference('c1', '2026-11-03')
    const late = conference('c2', '2026-11-08')
    const middle = conference('c3', '2026-11-05')
    for (const conferences of [[early, middle, late], [late, early, middle], [middle, late, early]]) {
      expect(computeDeadlines(makeCaseFile({ meta: { stage: 'assessment' }, conferences })).selectionBy).toBe('2026-11-13')
    }
  })

  it('without a visit, the visit interval counts from the day delivery started when that is the latest', () => {
    const history = [
      { at: '2026-11-12T10:00:00+09:00', kind: 'stage' as const, from: 'selection', to: 'planning' },
      { at: '2026-12-01T10:00:00+09:00', kind: 'stage' as const, from: 'planning', to: 'delivery' },
    ]
    const cf = makeCaseFile({ selection: cm, plan, history, meta: { stage: 'delivery' } })
    expect(computeDeadlines(cf).nextVisitBy).toBe('2026-12-31')
    expect(flag(cf, '2026-12-31', 'visitOverdue')).toBe(false)
    expect(flag(cf, '2027-01-01', 'visitOverdue')).toBe(true)
    const intensive = makeCaseFile({ selection: cm, plan, history, meta: { stage: 'delivery', level: 'intensive' } })
    expect(computeDeadlines(intensive).nextVisitBy).toBe('2026-12-15')
  })
})
