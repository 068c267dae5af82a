// The projection row the store keeps per case for lists, search and deadline filters.
import type { CaseFile } from './caseFile'
import { computeDue, lastContactDate, latestVisit } from './deadlines'
import type { DeadlineSettings, DueFlags } from './deadlines'
import type { CaseLevel, SelectionKind, Stage, TargetType } from './enums'
import { headOf } from './member'

export interface CaseSummary {
  id: string
  headName: string
  memberNames: string[]
  targetType: TargetType
  stage: Stage
  selectionKind?: SelectionKind
  level: CaseLevel
  address: string
  nextVisitDate?: string
  lastContactDate?: string
  due: DueFlags
  updatedAt: string
}

function latestInstant(cf: CaseFile): string {
  let best = cf.meta.updatedAt ?? cf.meta.createdAt
  for (const h of cf.history) if (Date.parse(h.at) > Date.parse(best)) best = h.at
  return best
}

export function summarizeCase(cf: CaseFile, today: string, settings: DeadlineSettings): CaseSummary {
  const summary: CaseSummary = {
    id: cf.meta.id,
    headName: headOf(cf.members)?.name ?? '',
    memberNames: cf.members.map((m) => m.name),
    targetType: cf.household.targetType,
    stage: cf.meta.stage,
    level: cf.meta.level,
    address: [cf.household.address, cf.household.addressDetail].filter(Boolean).join(' '),
    lastContactDate: lastContactDate(cf),
    due: computeDue(cf, today, settings),
    updatedAt: latestInstant(cf),
  }
  if (cf.selection) summary.selectionKind = cf.selection.kind
  const next = latestVisit(cf)?.nextVisitDate
  if (next !== undefined) summary.nextVisitDate = next
  return summary
}
