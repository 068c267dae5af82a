// Lists every map value any stored update of a document ever wrote, by replaying the relay's
// stored log through its own storage interface (the history, not the merged state).
import * as Y from 'yjs'
import type { RelayStorage } from '../../sync-server/storage/types'

export function storedValues(storage: RelayStorage, name: string): unknown[] {
  const values: unknown[] = []
  for (const update of storage.updatesSince(name, 0)) {
    for (const s of Y.decodeUpdate(update).structs) {
      if (s instanceof Y.Item && s.content instanceof Y.ContentAny) values.push(...s.content.arr)
    }
  }
  return values
}
