// A new visit note before it is saved (issue 9): kept as a sealed draft on this device only (useDraft),
// never in the case's document, so opening "새 방문 기록" by mistake leaves nothing behind. It becomes a
// visit when the worker presses 저장 or, with the contact outcome picked, writes something into it.
import type { ContactOutcome, CrisisSign, VisitKind } from '../../domain'
import type { NewVisitInput } from '../../store'

export const VISIT_TEXT_KEYS = ['welfareCheck', 'health', 'housing', 'observations', 'nextSteps'] as const
export type VisitTextKey = (typeof VISIT_TEXT_KEYS)[number]

/** What the visit form shows and edits: a saved visit, or a draft whose contact may still be unpicked. */
export interface VisitValues {
  visitedAt: string
  visitors: readonly string[]
  kind: VisitKind
  contact?: ContactOutcome
  welfareCheck: string
  health: string
  housing: string
  crisisSigns: readonly CrisisSign[]
  observations: string
  nextSteps: string
  nextVisitDate?: string
}

export type VisitDraft = VisitValues

/** The sealed draft's key: one new visit per case at a time. */
export const draftKey = (caseId: string): string => `visit.new:${caseId}`

export function emptyDraft(visitedAt: string): VisitDraft {
  return {
    visitedAt,
    visitors: [],
    kind: 'solo',
    welfareCheck: '',
    health: '',
    housing: '',
    crisisSigns: [],
    observations: '',
    nextSteps: '',
  }
}

/** Something written into the draft (text, visitors, crisis signs, next visit): the worker's own input. */
export function hasContent(d: VisitDraft): boolean {
  return (
    VISIT_TEXT_KEYS.some((k) => d[k].trim() !== '') || d.visitors.length > 0 || d.crisisSigns.length > 0 || Boolean(d.nextVisitDate)
  )
}

/** A draft worth keeping when the worker leaves: content or a picked contact outcome. */
export function isWorthKeeping(d: VisitDraft): boolean {
  return hasContent(d) || d.contact !== undefined
}

/** The new visit a draft with a contact outcome becomes. */
export function toNewVisit(d: VisitDraft & { contact: ContactOutcome }): NewVisitInput {
  return {
    visitedAt: d.visitedAt,
    visitors: [...d.visitors],
    kind: d.kind,
    contact: d.contact,
    welfareCheck: d.welfareCheck,
    health: d.health,
    housing: d.housing,
    crisisSigns: [...d.crisisSigns],
    observations: d.observations,
    nextSteps: d.nextSteps,
    nextVisitDate: d.nextVisitDate || undefined,
  }
}
