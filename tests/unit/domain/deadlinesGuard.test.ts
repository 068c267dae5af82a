// Guard tests for deadline rules a small slip would break without any other test noticing (mutation
// survivors of src/domain/deadlines.ts). The rules are in that file's comments and DESIGN.md §2:
// deadlines apply only to open stages, visits are due in planning and delivery, the 3-month rule counts
// only real contact, and follow-up slots are filled by contacts in date order.
import { describe, expect, it } from 'vitest'
import { computeDeadlines, computeDue, followUpSchedule, lastContactDate } from '../../../src/domain'
import { makeCaseFile, makeFollowUp, makeMonitoring, makeVisit } from './fixtures'

const cm = { kind: 'caseManagement' as const, decidedAt: '2026-11-10' }
const plan = { longTermGoals: '자립', shortTermGoals: '', services: [] }
const conference = { id: 'c1', kind: 'internal' as const, date: '2026-11-08', attendees: ['단장'], decision: 'continue' as const, notes: '' }

describe('deadlines only while the case is open', () => {
  it('a closed case has no assessment, selection, plan, visit, monitoring or no-contact deadline: only its follow-up', () => {
    // Never selected, never planned, a conference held: all of that stops mattering once closed.
    const closed = makeCaseFile({
      meta: { stage: 'closed' },
      conferences: [conference],
      closure: { date: '2026-11-20', reason: 'refusal' },
    })
    expect(computeDeadlines(closed)).toEqual({})
    expect(Object.values(computeDue(closed, '2028-01-01')).some(Boolean)).toBe(false)

    const followingUp = makeCaseFile({
      meta: { stage: 'followUp' },
      selection: cm,
      conferences: [conference],
      closure: { date: '2026-12-20', reason: 'improved' },
    })
    expect(computeDeadlines(followingUp)).toEqual({ nextFollowUpOn: '2027-06-20' })
    expect(computeDue(followingUp, '2027-06-19')).toEqual({
      assessmentOverdue: false,
      selectionOverdue: false,
      planOverdue: false,
      visitOverdue: false,
      monitoringDue: false,
      noContact3m: false,
      followUpDue: false,
    })
  })
})

describe('visit deadline', () => {
  it('is due in planning too, counted from the selection while there is no visit', () => {
    const cf = makeCaseFile({ meta: { stage: 'planning' }, selection: cm })
    expect(computeDeadlines(cf).nextVisitBy).toBe('2026-12-10')
    expect(computeDue(cf, '2026-12-10').visitOverdue).toBe(false)
    expect(computeDue(cf, '2026-12-11').visitOverdue).toBe(true)
  })

  it('follows the next visit date agreed at the most recent visit, even when visits were recorded out of order', () => {
    const cf = makeCaseFile({
      meta: { stage: 'delivery' },
      selection: cm,
      plan,
      visits: [
        makeVisit({ visitedAt: '2026-11-20T10:00:00+09:00', nextVisitDate: '2026-11-30' }),
        makeVisit({ visitedAt: '2026-12-01T10:00:00+09:00', nextVisitDate: '2026-12-20' }),
        // Written up later, about an earlier visit: its agreed date is history.
        makeVisit({ visitedAt: '2026-11-25T10:00:00+09:00', nextVisitDate: '2026-12-05' }),
      ],
    })
    expect(computeDeadlines(cf).nextVisitBy).toBe('2026-12-20')
    expect(computeDue(cf, '2026-12-10').visitOverdue).toBe(false)
  })

  it('without a visit, counts from the day the case entered planning when that is later than the selection', () => {
    const history = [{ at: '2026-11-20T10:00:00+09:00', kind: 'stage' as const, from: 'selection', to: 'planning' }]
    const cf = makeCaseFile({ meta: { stage: 'planning' }, selection: cm, history })
    expect(computeDeadlines(cf).nextVisitBy).toBe('2026-12-20')
  })

  it('counts from the intake when a case in delivery holds neither a selection nor a stage history (merged data)', () => {
    const cf = makeCaseFile({ meta: { stage: 'delivery' } })
    expect(computeDeadlines(cf).nextVisitBy).toBe('2026-12-01')
    expect(computeDeadlines(cf).nextMonitoringOn).toBe('2026-12-01')
  })
})

describe('monitoring deadline', () => {
  it('counts from the day delivery started; later history that is not a stage change (a referral) does not move it', () => {
    const history = [
      { at: '2026-11-15T10:00:00+09:00', kind: 'stage' as const, from: 'planning', to: 'delivery' },
      { at: '2026-12-01T10:00:00+09:00', kind: 'referral' as const, to: 'hope-center' },
    ]
    const cf = makeCaseFile({ meta: { stage: 'delivery' }, selection: cm, plan, history })
    expect(computeDeadlines(cf).nextMonitoringOn).toBe('2026-12-15')
    expect(computeDeadlines(cf).nextVisitBy).toBe('2026-12-15')
  })

  it('without a recorded start of delivery, counts from the selection', () => {
    const cf = makeCaseFile({ meta: { stage: 'delivery' }, selection: cm, plan })
    expect(computeDeadlines(cf).nextMonitoringOn).toBe('2026-12-10')
    expect(computeDue(cf, '2026-12-09').monitoringDue).toBe(false)
    expect(computeDue(cf, '2026-12-10').monitoringDue).toBe(true)
  })
})

describe('the 3-month no-contact rule counts only real contact', () => {
  it('a reached monitoring call restarts it', () => {
    const cf = makeCaseFile({ meta: { stage: 'delivery' }, selection: cm, plan, monitoring: [makeMonitoring({ date: '2027-01-10', contact: 'reached' })] })
    expect(lastContactDate(cf)).toBe('2027-01-10')
    expect(computeDue(cf, '2027-04-09').noContact3m).toBe(false)
    expect(computeDue(cf, '2027-04-10').noContact3m).toBe(true)
  })

  it('an unanswered monitoring call or follow-up does not restart it', () => {
    const cf = makeCaseFile({
      meta: { stage: 'delivery' },
      selection: cm,
      plan,
      monitoring: [makeMonitoring({ date: '2027-01-10', contact: 'noAnswer' })],
      followUps: [makeFollowUp({ date: '2027-01-20', contact: 'noAnswer' })],
    })
    expect(lastContactDate(cf)).toBe('2026-11-01')
    expect(computeDue(cf, '2027-02-01').noContact3m).toBe(true)
  })
})

describe('follow-up slots', () => {
  it('do not apply while the case is still open, even with its closure already recorded', () => {
    const cf = makeCaseFile({ meta: { stage: 'delivery' }, selection: cm, plan, closure: { date: '2026-12-20', reason: 'improved' } })
    expect('nextFollowUpOn' in computeDeadlines(cf)).toBe(false)
    expect(computeDue(cf, '2027-07-01').followUpDue).toBe(false)
  })

  const closed = (followUps: ReturnType<typeof makeFollowUp>[]) =>
    makeCaseFile({ meta: { stage: 'followUp' }, selection: cm, closure: { date: '2026-12-20', reason: 'improved' }, followUps })

  it('are filled by follow-ups in date order, whatever order they were recorded in', () => {
    const cf = closed([makeFollowUp({ date: '2027-12-22' }), makeFollowUp({ date: '2027-06-25' })])
    expect(followUpSchedule(cf)).toEqual([
      { index: 1, dueDate: '2027-06-20', done: true, doneDate: '2027-06-25' },
      { index: 2, dueDate: '2027-12-20', done: true, doneDate: '2027-12-22' },
    ])
    expect(computeDeadlines(cf).nextFollowUpOn).toBeUndefined()
    expect(computeDue(cf, '2028-06-01').followUpDue).toBe(false)
  })

  it('a slot not done yet carries no done day at all', () => {
    const cf = closed([makeFollowUp({ date: '2027-06-25' })])
    expect(followUpSchedule(cf)).toStrictEqual([
      { index: 1, dueDate: '2027-06-20', done: true, doneDate: '2027-06-25' },
      { index: 2, dueDate: '2027-12-20', done: false },
    ])
  })
})
