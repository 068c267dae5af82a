// Deadlines and due flags (published district timelines, DESIGN.md §2). Every interval is a setting.
// A date is "overdue" the day after its deadline; monitoring and follow-ups are "due" on the day itself.
import * as z from 'zod/mini'
import type { CaseFile } from './caseFile'
import { addDays, addMonths, dayOf, maxDate } from './dates'
import { isContact } from './enums'
import type { Stage } from './enums'
import { visitDate } from './visitNote'

const days = z.number().check(z.int(), z.minimum(1, '1 이상이어야 합니다.'), z.maximum(3650))
const months = z.number().check(z.int(), z.minimum(1, '1 이상이어야 합니다.'), z.maximum(120))

export const DeadlineSettingsSchema = z.object({
  intakeToAssessmentDays: days,
  conferenceToSelectionDays: days,
  selectionToPlanDays: days,
  intakeToPlanDays: days,
  visitIntervalGeneralDays: days,
  visitIntervalIntensiveDays: days,
  monitoringIntervalDays: days,
  noContactMonths: months,
  followUpIntervalMonths: months,
})
export type DeadlineSettings = z.infer<typeof DeadlineSettingsSchema>

export const DEFAULT_DEADLINES: DeadlineSettings = {
  intakeToAssessmentDays: 10,
  conferenceToSelectionDays: 5,
  selectionToPlanDays: 15,
  intakeToPlanDays: 30,
  visitIntervalGeneralDays: 30,
  visitIntervalIntensiveDays: 14,
  monitoringIntervalDays: 30,
  noContactMonths: 3,
  followUpIntervalMonths: 6,
}

export interface DueFlags {
  assessmentOverdue: boolean
  /** A conference was held and no selection was recorded within conferenceToSelectionDays. */
  selectionOverdue: boolean
  planOverdue: boolean
  visitOverdue: boolean
  monitoringDue: boolean
  noContact3m: boolean
  followUpDue: boolean
}
export type DueFilter = keyof DueFlags
export const DUE_FILTERS: readonly DueFilter[] = [
  'assessmentOverdue',
  'selectionOverdue',
  'planOverdue',
  'visitOverdue',
  'monitoringDue',
  'noContact3m',
  'followUpDue',
]

const OPEN_STAGES: readonly Stage[] = ['intake', 'assessment', 'selection', 'planning', 'delivery']
export function isOpen(stage: Stage): boolean {
  return OPEN_STAGES.includes(stage)
}

/** Latest day with real contact (met/reached visit, monitoring or follow-up); intake counts as contact. */
export function lastContactDate(cf: CaseFile): string {
  const contacts = [
    cf.intake.date,
    ...cf.visits.filter((v) => isContact(v.contact)).map(visitDate),
    ...cf.monitoring.filter((m) => isContact(m.contact)).map((m) => m.date),
    ...cf.followUps.filter((f) => isContact(f.contact)).map((f) => f.date),
  ]
  return maxDate(contacts) as string
}

/** Most recent visit (any outcome), by time. */
export function latestVisit(cf: CaseFile): CaseFile['visits'][number] | undefined {
  let best: CaseFile['visits'][number] | undefined
  for (const v of cf.visits) if (!best || Date.parse(v.visitedAt) > Date.parse(best.visitedAt)) best = v
  return best
}

/** The day the case last entered a stage, from history; undefined if never recorded. */
function enteredStage(cf: CaseFile, stage: Stage): string | undefined {
  return maxDate(cf.history.filter((h) => h.kind === 'stage' && h.to === stage).map((h) => h.at))
}

export interface Deadlines {
  /** 욕구조사 done by (while in intake or assessment). */
  assessmentBy?: string
  /** Selection recorded by, counted from the latest conference (no selection yet). */
  selectionBy?: string
  /** Plan written by (사례관리가구, before delivery). */
  planBy?: string
  nextVisitBy?: string
  nextMonitoringOn?: string
  /** The day the no-contact rule trips. */
  noContactOn?: string
  /** Earliest follow-up not done yet. */
  nextFollowUpOn?: string
}

/** Every deadline that applies to the case now; computeDue() compares them with today. */
export function computeDeadlines(cf: CaseFile, settings: DeadlineSettings = DEFAULT_DEADLINES): Deadlines {
  const stage = cf.meta.stage
  const out: Deadlines = {}
  if (stage === 'intake' || stage === 'assessment') {
    out.assessmentBy = addDays(cf.intake.date, settings.intakeToAssessmentDays)
  }
  if (isOpen(stage) && !cf.selection && cf.conferences.length > 0) {
    const lastConference = maxDate(cf.conferences.map((c) => c.date)) as string
    out.selectionBy = addDays(lastConference, settings.conferenceToSelectionDays)
  }
  const planNeeded = !cf.selection || cf.selection.kind === 'caseManagement'
  if (planNeeded && isOpen(stage) && stage !== 'delivery') {
    const byIntake = addDays(cf.intake.date, settings.intakeToPlanDays)
    const bySelection = cf.selection ? addDays(dayOf(cf.selection.decidedAt), settings.selectionToPlanDays) : undefined
    out.planBy = bySelection !== undefined && bySelection < byIntake ? bySelection : byIntake
  }
  if (stage === 'planning' || stage === 'delivery') {
    const scheduled = latestVisit(cf)?.nextVisitDate
    if (scheduled) {
      out.nextVisitBy = scheduled
    } else {
      const interval = cf.meta.level === 'intensive' ? settings.visitIntervalIntensiveDays : settings.visitIntervalGeneralDays
      const base =
        maxDate(cf.visits.filter((v) => isContact(v.contact)).map(visitDate)) ??
        maxDate([cf.selection?.decidedAt, enteredStage(cf, 'planning'), enteredStage(cf, 'delivery')]) ??
        cf.intake.date
      out.nextVisitBy = addDays(base, interval)
    }
  }
  if (stage === 'delivery') {
    const base =
      maxDate(cf.monitoring.filter((m) => isContact(m.contact)).map((m) => m.date)) ??
      enteredStage(cf, 'delivery') ??
      maxDate([cf.selection?.decidedAt, cf.intake.date])
    out.nextMonitoringOn = addDays(base as string, settings.monitoringIntervalDays)
  }
  if (isOpen(stage)) out.noContactOn = addMonths(lastContactDate(cf), settings.noContactMonths)
  if (stage === 'closed' || stage === 'followUp') {
    out.nextFollowUpOn = followUpSchedule(cf, settings).find((s) => !s.done)?.dueDate
  }
  return out
}

export function computeDue(cf: CaseFile, today: string, settings: DeadlineSettings = DEFAULT_DEADLINES): DueFlags {
  return dueOn(computeDeadlines(cf, settings), today)
}

/** The due flags of deadlines already computed (a caller that also needs the dates computes them once). */
export function dueOn(d: Deadlines, today: string): DueFlags {
  const after = (deadline: string | undefined) => deadline !== undefined && today > deadline
  const onOrAfter = (day: string | undefined) => day !== undefined && today >= day
  return {
    assessmentOverdue: after(d.assessmentBy),
    selectionOverdue: after(d.selectionBy),
    planOverdue: after(d.planBy),
    visitOverdue: after(d.nextVisitBy),
    monitoringDue: onOrAfter(d.nextMonitoringOn),
    noContact3m: onOrAfter(d.noContactOn),
    followUpDue: onOrAfter(d.nextFollowUpOn),
  }
}

export interface FollowUpSlot {
  /** 1-based: 1st, 2nd follow-up. */
  index: number
  dueDate: string
  done: boolean
  /** Day of the follow-up (with contact) that fulfilled this slot. */
  doneDate?: string
}

/**
 * 사후관리 after closure: every `followUpIntervalMonths`, twice for 사례관리가구, once for
 * 서비스연계가구, never after a death or for excluded/unselected households. Follow-ups with contact
 * on or after the closure day fill the slots in date order.
 */
export function followUpSchedule(cf: CaseFile, settings: DeadlineSettings = DEFAULT_DEADLINES): FollowUpSlot[] {
  const closure = cf.closure
  if (!closure || closure.reason === 'death') return []
  const count = cf.selection?.kind === 'caseManagement' ? 2 : cf.selection?.kind === 'linkage' ? 1 : 0
  const contacts = cf.followUps
    .filter((f) => isContact(f.contact) && f.date >= closure.date)
    .map((f) => f.date)
    .sort()
  const slots: FollowUpSlot[] = []
  for (let i = 0; i < count; i++) {
    const doneDate = contacts[i]
    const slot: FollowUpSlot = { index: i + 1, dueDate: addMonths(closure.date, settings.followUpIntervalMonths * (i + 1)), done: doneDate !== undefined }
    if (doneDate !== undefined) slot.doneDate = doneDate
    slots.push(slot)
  }
  return slots
}
