// The Y.Doc layout of the volunteer documents, shared with the relay (which validates and routes them):
//   brief/<uuid>   root map `brief`    — the Brief fields as plain values (src/domain/brief.ts)
//   report/<uuid>  root map `report`   — the volunteer's CheckIn or Discovery, plain values
//                  root map `handling` — the worker's 확인 / 접수 / 연결 stamps
// Pure Yjs, no Dexie. Fields are plain (not Y.Text): each document has one writer per root.
import type * as Y from 'yjs'
import { BriefSchema, HandlingSchema, VolunteerReportSchema } from '../domain'
import type { Brief, Handling, VolunteerReport } from '../domain'

export const BRIEF_DOC_PREFIX = 'brief/'
export const REPORT_DOC_PREFIX = 'report/'
export const briefDocName = (id: string): string => BRIEF_DOC_PREFIX + id
export const reportDocName = (id: string): string => REPORT_DOC_PREFIX + id

export const BRIEF_ROOTS = new Set(['brief'])
export const REPORT_ROOTS = new Set(['report', 'handling'])

/** Sets every field of `value` and removes the ones it no longer has, in one transaction. */
export function writePlain(doc: Y.Doc, root: string, value: object): void {
  const map = doc.getMap<unknown>(root)
  doc.transact(() => {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    const keep = new Set(entries.map(([k]) => k))
    for (const key of [...map.keys()]) if (!keep.has(key)) map.delete(key)
    for (const [k, v] of entries) if (JSON.stringify(map.get(k)) !== JSON.stringify(v)) map.set(k, v)
  })
}

export function plainOf(doc: Y.Doc, root: string): Record<string, unknown> {
  return doc.getMap<unknown>(root).toJSON()
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; path: string }

function parsed<T>(result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[] }[] } }): Parsed<T> {
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, path: result.error.issues[0]?.path.map(String).join('.') ?? '' }
}

/** The brief in a document; `null` while the document holds none yet. */
export function readBrief(doc: Y.Doc): Parsed<Brief> | null {
  const raw = plainOf(doc, 'brief')
  if (Object.keys(raw).length === 0) return null
  return parsed(BriefSchema.safeParse(raw))
}

export function readReport(doc: Y.Doc): Parsed<VolunteerReport> | null {
  const raw = plainOf(doc, 'report')
  if (Object.keys(raw).length === 0) return null
  return parsed(VolunteerReportSchema.safeParse(raw))
}

export function readHandling(doc: Y.Doc): Parsed<Handling> {
  return parsed(HandlingSchema.safeParse(plainOf(doc, 'handling')))
}
