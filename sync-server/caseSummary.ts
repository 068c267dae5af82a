// The list summary of a case document as the relay stores it beside its newest state (schema 4),
// computed from the Y.Doc validation already built, with the device's own summarizeCase.
import type * as Y from 'yjs'
import { DEFAULT_DEADLINES, encodeRelaySummary, summarizeCase, todayInSeoul } from '../src/domain'
import { isCaseDoc, readCaseFile } from '../src/store/caseDoc'

/** Null for other kinds of document and for a case file the reader cannot read (devices project those). */
export function relaySummaryOf(name: string, doc: Y.Doc, day = todayInSeoul()): string | null {
  if (!isCaseDoc(name)) return null
  try {
    return encodeRelaySummary(summarizeCase(readCaseFile(doc), day, DEFAULT_DEADLINES), day)
  } catch {
    return null
  }
}
