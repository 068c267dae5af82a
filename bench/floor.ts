// The floor: the same states encoded and applied into fresh Y.Docs in one process, no network.
import * as Y from 'yjs'
import type { DocState } from './data'

/** Loads each source state into a Y.Doc first (not timed), then times encode + apply for all. */
export function measureFloor(items: DocState[]): { ms: number; bytes: number } {
  const sources = items.map((it) => {
    const d = new Y.Doc()
    Y.applyUpdate(d, it.update)
    return d
  })
  let bytes = 0
  const t0 = performance.now()
  const targets: Y.Doc[] = []
  for (const src of sources) {
    const update = Y.encodeStateAsUpdate(src)
    bytes += update.byteLength
    const d = new Y.Doc()
    Y.applyUpdate(d, update)
    targets.push(d)
  }
  const ms = performance.now() - t0
  for (const d of [...sources, ...targets]) d.destroy()
  return { ms, bytes }
}
