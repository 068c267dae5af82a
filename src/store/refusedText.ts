// What a rollback took out of a document, as text the worker can copy: the lines of the case file as
// text (caseFileAsText) that the rolled-back state no longer has; when those say nothing (a field that
// text leaves out, or a doc that no longer reads as a case file), every value that changed, by path.
// A full 주민등록번호 is cut to birth date and sex digit: it is what the relay refused, and never kept.
import * as Y from 'yjs'
import { caseFileAsText, maskFullRrns } from '../domain'
import { hasCaseFile, readCaseFile } from './caseDoc'
import { docOf } from './replay'

function caseText(doc: Y.Doc): string | null {
  if (!hasCaseFile(doc)) return ''
  try {
    return caseFileAsText(readCaseFile(doc))
  } catch {
    return null
  }
}

/** Lines of `before` not in `after`, each line of `after` matching at most one. */
function missingLines(before: string, after: string): string[] {
  const left = new Map<string, number>()
  for (const l of after.split('\n')) left.set(l, (left.get(l) ?? 0) + 1)
  return before.split('\n').filter((l) => {
    const n = left.get(l) ?? 0
    if (n > 0) {
      left.set(l, n - 1)
      return false
    }
    return l.trim() !== ''
  })
}

function leaves(value: unknown, path: string, out: Map<string, string>): void {
  if (value === null || value === undefined) return
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) leaves(v, path ? `${path}.${k}` : k, out)
  } else {
    out.set(path, String(value))
  }
}

function values(doc: Y.Doc): Map<string, string> {
  // A fresh copy: its roots are not typed yet, so each is read as what it holds (list or map).
  const copy = docOf(doc.guid, [Y.encodeStateAsUpdate(doc)])
  try {
    const out = new Map<string, string>()
    for (const [key, type] of [...copy.share]) {
      leaves(type._start !== null ? copy.getArray(key).toJSON() : copy.getMap(key).toJSON(), key, out)
    }
    return out
  } finally {
    copy.destroy()
  }
}

/** The text `before` held and `after` does not, for the worker to copy. */
export function removedText(before: Y.Doc, after: Y.Doc): string {
  const b = caseText(before)
  const a = caseText(after)
  if (b !== null && a !== null) {
    const lines = missingLines(b, a)
    if (lines.length) return maskFullRrns(lines.join('\n'))
  }
  const now = values(after)
  const changed = [...values(before)].filter(([path, v]) => now.get(path) !== v).map(([path, v]) => `${path}: ${v}`)
  return maskFullRrns(changed.join('\n'))
}
