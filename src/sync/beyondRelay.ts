// What a device holds of a document beyond the relay's copy, for re-sending after the relay lost
// acknowledged updates (its database restored from a backup). Both inputs are whole states.
import * as Y from 'yjs'

/** An update bringing `relay` up to `local`, or null when the relay already has everything in `local`. */
export function beyondRelay(name: string, local: Uint8Array, relay: Uint8Array): Uint8Array | null {
  const doc = new Y.Doc({ guid: name })
  try {
    Y.applyUpdate(doc, relay)
    const before = Y.snapshot(doc)
    Y.applyUpdate(doc, local)
    // Compares inserts (state vector) and deletions (delete set) alike.
    if (Y.equalSnapshots(before, Y.snapshot(doc))) return null
  } finally {
    doc.destroy()
  }
  return Y.diffUpdate(local, Y.encodeStateVectorFromUpdate(relay))
}

/** The relay's state of a document it does not hold at all. */
export const EMPTY_STATE = new Uint8Array([0, 0])
