// The floor: the same states encoded and applied in one process, no network, with the Y.Doc
// construction the device uses (src/store emptyDoc: the name as guid).
import * as Y from 'yjs'
import { emptyDoc } from '../src/store/caseDoc'
import type { DocState } from './data'

/**
 * Loads each source state into a Y.Doc (not timed), times encoding them all, drops the sources
 * (not timed, `gc` if given), then times applying every state into a fresh Y.Doc, each dropped once
 * applied as the device's store does (it keeps the bytes, not the open documents).
 */
export function measureFloor(items: DocState[], gc?: () => void): { ms: number; encodeMs: number; applyMs: number; bytes: number } {
  let sources: Y.Doc[] = items.map((it) => {
    const d = emptyDoc(it.name)
    Y.applyUpdate(d, it.update)
    return d
  })
  gc?.()
  let t0 = performance.now()
  const updates = sources.map((src) => Y.encodeStateAsUpdate(src))
  const encodeMs = performance.now() - t0
  for (const d of sources) d.destroy()
  sources = []
  gc?.()
  t0 = performance.now()
  updates.forEach((u, i) => {
    const d = emptyDoc(items[i]?.name ?? String(i))
    Y.applyUpdate(d, u)
    d.destroy()
  })
  const applyMs = performance.now() - t0
  return { ms: encodeMs + applyMs, encodeMs, applyMs, bytes: updates.reduce((s, u) => s + u.byteLength, 0) }
}
