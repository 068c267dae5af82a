// A document's state rebuilt without some of its updates (rollback.ts). Yjs keeps an update whose
// structs or deletions refer to content it lacks in `store.pendingStructs` / `store.pendingDs`, and may
// have integrated part of it already: such an update does not apply cleanly and is left out whole.
import * as Y from 'yjs'
import { emptyDoc } from './caseDoc'
import { REMOTE_ORIGIN } from './docStore'

function pendingOf(doc: Y.Doc): string {
  const { pendingStructs, pendingDs } = doc.store
  if (!pendingStructs && !pendingDs) return ''
  return `${pendingStructs ? pendingStructs.update.join() : ''}|${pendingDs ? pendingDs.join() : ''}`
}

/** A doc of `name` holding `updates` (applied as remote: nothing is persisted). */
export function docOf(name: string, updates: readonly Uint8Array[]): Y.Doc {
  const doc = emptyDoc(name)
  if (updates.length) Y.applyUpdate(doc, Y.mergeUpdates([...updates]), REMOTE_ORIGIN)
  return doc
}

/** True when `update` would leave nothing pending on top of `doc` (which is not changed). */
export function appliesCleanly(doc: Y.Doc, update: Uint8Array): boolean {
  const trial = docOf(doc.guid, [Y.encodeStateAsUpdate(doc)])
  try {
    const before = pendingOf(trial)
    Y.applyUpdate(trial, update, REMOTE_ORIGIN)
    const after = pendingOf(trial)
    return after === '' || after === before
  } finally {
    trial.destroy()
  }
}

/**
 * `base` plus those of `candidates` (in order) that apply cleanly, directly or once other kept ones are
 * in. Returns the doc and, per candidate, whether it was kept.
 */
export function replayWithout(name: string, base: readonly Uint8Array[], candidates: readonly Uint8Array[]): { doc: Y.Doc; kept: boolean[] } {
  const kept = candidates.map(() => false)
  const keptUpdates = (): Uint8Array[] => candidates.filter((_, i) => kept[i])
  let doc = docOf(name, base)
  for (let progress = true; progress; ) {
    progress = false
    for (let i = 0; i < candidates.length; i++) {
      if (kept[i]) continue
      const before = pendingOf(doc)
      Y.applyUpdate(doc, candidates[i] as Uint8Array, REMOTE_ORIGIN)
      const after = pendingOf(doc)
      if (after === '' || after === before) {
        kept[i] = true
        progress = true
      } else {
        // Part of it may be in already: start again from what is kept.
        doc.destroy()
        doc = docOf(name, [...base, ...keptUpdates()])
      }
    }
  }
  return { doc, kept }
}
