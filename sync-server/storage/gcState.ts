// Snapshot bytes without deleted content: Y.mergeUpdates keeps the text of deleted items, so a worker's
// deletion would live on in the relay. A garbage-collecting Y.Doc built from the encoded updates drops
// it while keeping every id, the state vector and the delete set, so feeds and diffs work as before.
import * as Y from 'yjs'

export function collectGarbage(parts: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true })
  try {
    Y.applyUpdate(doc, parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts))
    // Structs still waiting for a missing update are kept (encodeStateAsUpdate includes them).
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
