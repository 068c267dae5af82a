// Projection rows for lists and due filters, computed from a case doc with the domain's summarizeCase.
import type * as Y from 'yjs'
import { summarizeCase } from '../domain'
import type { CaseSummary, DueFlags } from '../domain'
import { hasCaseFile, isCaseDoc, readCaseFile } from './caseDoc'
import { getDb } from './db'
import type { CaseRow, StoredCaseRow } from './db'
import { openValue, sealValue } from './docCodec'
import type { Settings } from './storageMeta'

const bit = (b: boolean): 0 | 1 => (b ? 1 : 0)

/** The dueDay of a row whose due flags need recomputing (refreshStaleProjections picks it up). */
export const STALE_DUE_DAY = ''

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

const summaryContext = (id: string) => `case:${id}`

/** Seals each row's summary for disk; the index columns stay as they are. */
export async function sealCaseRows(key: CryptoKey, rows: readonly CaseRow[]): Promise<StoredCaseRow[]> {
  return Promise.all(
    rows.map(async ({ summary, ...keys }) => ({ ...keys, sealed: await sealValue(key, summaryContext(keys.id), summary) })),
  )
}

export async function openCaseRows(key: CryptoKey, rows: readonly StoredCaseRow[]): Promise<CaseRow[]> {
  return Promise.all(
    rows.map(async ({ sealed, ...keys }) => ({ ...keys, summary: await openValue<CaseSummary>(key, summaryContext(keys.id), sealed) })),
  )
}

/** One projection row, opened (tests and repairs; lists use the in-memory index). */
export async function readCaseRow(id: string): Promise<CaseRow | undefined> {
  const db = getDb()
  const stored = await db.cases.get(id)
  return stored ? (await openCaseRows(db.key, [stored]))[0] : undefined
}
