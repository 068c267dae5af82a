// Projection rows for lists and due filters, computed from a case doc with the domain's summarizeCase.
import type * as Y from 'yjs'
import { summarizeCase } from '../domain'
import type { CaseSummary, DueFlags } from '../domain'
import { hasCaseFile, isCaseDoc, readCaseFile } from './caseDoc'
import type { CaseRow } from './db'
import type { Settings } from './storageMeta'

const bit = (b: boolean): 0 | 1 => (b ? 1 : 0)

export function toCaseRow(summary: CaseSummary, today: string): CaseRow {
  const d: DueFlags = summary.due
  return {
    id: summary.id,
    stage: summary.stage,
    updatedAt: summary.updatedAt,
    dueDay: today,
    assessmentOverdue: bit(d.assessmentOverdue),
    planOverdue: bit(d.planOverdue),
    visitOverdue: bit(d.visitOverdue),
    monitoringDue: bit(d.monitoringDue),
    noContact3m: bit(d.noContact3m),
    followUpDue: bit(d.followUpDue),
    summary,
  }
}

/** The projection row of a case doc, or null for other docs and for empty or unreadable ones. */
export function projectDoc(name: string, doc: Y.Doc, today: string, settings: Settings): CaseRow | null {
  if (!isCaseDoc(name) || !hasCaseFile(doc)) return null
  try {
    return toCaseRow(summarizeCase(readCaseFile(doc), today, settings.deadlines), today)
  } catch (err) {
    // Unreadable (e.g. made by a newer app version): keep the old row rather than lose the case.
    console.warn('projection skipped for a case doc:', (err as Error).message)
    return null
  }
}
