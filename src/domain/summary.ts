// The projection row the store keeps per case for lists, search and deadline filters.
import type { CaseFile } from './caseFile'
import { computeDeadlines, dueOn, lastContactDate, latestVisit } from './deadlines'
import type { DeadlineSettings, DueFlags } from './deadlines'
import type { CaseLevel, SelectionKind, Stage, TargetType } from './enums'
import { headOf } from './member'
import { referredTeams } from './referral'

export interface CaseSummary {
  id: string
  headName: string
  memberNames: string[]
  targetType: TargetType
  stage: Stage
  selectionKind?: SelectionKind
  level: CaseLevel
  address: string
  /** Household and member phone numbers, digits only (search). */
  phones: string[]
  /** 행복e음 관리번호 (search). */
  householdNo?: string
  /** The earliest deadline that applies now (sort by next due). */
  nextDue?: string
  nextVisitDate?: string
  lastContactDate?: string
  due: DueFlags
  updatedAt: string
  /** Teams a referral waits at, not yet accepted (의뢰 받음 in their list). */
  referredTo?: string[]
}

function latestInstant(cf: CaseFile): string {
  let best = cf.meta.updatedAt ?? cf.meta.createdAt
  for (const h of cf.history) if (Date.parse(h.at) > Date.parse(best)) best = h.at
  return best
}

export function summarizeCase(cf: CaseFile, today: string, settings: DeadlineSettings): CaseSummary {
  const deadlines = computeDeadlines(cf, settings)
  const summary: CaseSummary = {
    id: cf.meta.id,
    headName: headOf(cf.members)?.name ?? '',
    memberNames: cf.members.map((m) => m.name),
    targetType: cf.household.targetType,
    stage: cf.meta.stage,
    level: cf.meta.level,
    address: [cf.household.address, cf.household.addressDetail].filter(Boolean).join(' '),
    phones: [cf.household.phone, ...cf.members.map((m) => m.phone)].filter((p): p is string => Boolean(p)),
    lastContactDate: lastContactDate(cf),
    due: dueOn(deadlines, today),
    updatedAt: latestInstant(cf),
  }
  if (cf.selection) summary.selectionKind = cf.selection.kind
  if (cf.household.householdNo) summary.householdNo = cf.household.householdNo
  const nearest = Object.values(deadlines).filter((d): d is string => typeof d === 'string').sort()[0]
  if (nearest !== undefined) summary.nextDue = nearest
  const next = latestVisit(cf)?.nextVisitDate
  if (next !== undefined) summary.nextVisitDate = next
  const referredTo = referredTeams(cf)
  if (referredTo.length) summary.referredTo = referredTo
  return summary
}
