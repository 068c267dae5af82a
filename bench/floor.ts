// The floor: the same states encoded and applied into fresh Y.Docs in one process, no network.
import * as Y from 'yjs'
import type { DocState } from './data'

/**
 * Loads each source state into a Y.Doc (not timed), times encoding them all, drops the sources
 * (not timed, `gc` if given), then times applying every state into a fresh Y.Doc. Encode and apply
 * run apart so the apply step holds as much memory as a device does, not twice that.
 */
export function measureFloor(items: DocState[], gc?: () => void): { ms: number; encodeMs: number; applyMs: number; bytes: number } {
  let sources: Y.Doc[] = items.map((it) => {
    const d = new Y.Doc()
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
  const targets = updates.map((u) => {
    const d = new Y.Doc()
    Y.applyUpdate(d, u)
    return d
  })
  const applyMs = performance.now() - t0
  for (const d of targets) d.destroy()
  return { ms: encodeMs + applyMs, encodeMs, applyMs, bytes: updates.reduce((s, u) => s + u.byteLength, 0) }
}
