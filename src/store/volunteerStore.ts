// Briefs and reports on the device: list them, write them, hear when they change. Shared by the
// volunteer's phone screens and the worker's inbox and assignment; document layout in volunteerDocs.ts.
import { BriefSchema, HandlingSchema, VolunteerReportSchema } from '../domain'
import type { Brief, Handling, InboxItem, VolunteerReport } from '../domain'
import { onChange } from './changes'
import { LOCAL_ORIGIN } from './commandCore'
import { getDb } from './db'
import { openDoc, whenWritten } from './docStore'
import { heldNamesOfKind } from './packs'
import { validate } from './validate'
import {
  BRIEF_DOC_PREFIX, REPORT_DOC_PREFIX, briefDocName, readBrief, readHandling, readReport, reportDocName, writePlain,
} from './volunteerDocs'

async function namesOfKind(kind: 'brief' | 'report'): Promise<string[]> {
  return heldNamesOfKind(getDb(), kind)
}

export interface BriefEntry {
  name: string
  brief: Brief
}

/** Every brief this device holds (a volunteer's phone holds only theirs), unreadable ones skipped. */
export async function listBriefs(): Promise<BriefEntry[]> {
  const out: BriefEntry[] = []
  for (const name of await namesOfKind('brief')) {
    const brief = readBrief(await openDoc(name))
    if (brief?.ok) out.push({ name, brief: brief.value })
  }
  return out
}

/** Every report this device holds with its handling; unreadable ones skipped. */
export async function listReports(): Promise<InboxItem[]> {
  const out: InboxItem[] = []
  for (const name of await namesOfKind('report')) {
    const doc = await openDoc(name)
    const report = readReport(doc)
    const handling = readHandling(doc)
    if (report?.ok) out.push({ name, report: report.value, handling: handling.ok ? handling.value : {} })
  }
  return out
}

/** Calls `listener` when a brief or report changed here, in another tab or from the relay. */
export function onVolunteerDocsChange(listener: () => void): () => void {
  return onChange((e) => {
    if (e.names.some((n) => n.startsWith(BRIEF_DOC_PREFIX) || n.startsWith(REPORT_DOC_PREFIX))) listener()
  })
}

/** Writes a brief (new or changed) after validating it; returns its document name. */
export async function saveBrief(input: Brief): Promise<string> {
  const brief = validate(BriefSchema, input)
  const name = briefDocName(brief.id)
  const doc = await openDoc(name)
  doc.transact(() => writePlain(doc, 'brief', brief), LOCAL_ORIGIN)
  await whenWritten(name)
  return name
}

/** Writes the volunteer's part of a report (new or amended) after validating it. */
export async function saveReport(input: VolunteerReport): Promise<string> {
  const report = validate(VolunteerReportSchema, input)
  const name = reportDocName(report.id)
  const doc = await openDoc(name)
  doc.transact(() => writePlain(doc, 'report', report), LOCAL_ORIGIN)
  await whenWritten(name)
  return name
}

/** Merges the worker's stamps into a report's handling (확인, 접수로 전환, 기존 사례에 연결). */
export async function updateHandling(name: string, patch: Partial<Handling>): Promise<Handling> {
  const doc = await openDoc(name)
  const current = readHandling(doc)
  const next = validate(HandlingSchema, { ...(current.ok ? current.value : {}), ...patch })
  doc.transact(() => writePlain(doc, 'handling', next), LOCAL_ORIGIN)
  await whenWritten(name)
  return next
}
