// Reads a document's stored update log from a (stopped) relay's SQLite data directory through the
// relay's own storage interface, and lists every map value any stored update ever wrote.
import * as Y from 'yjs'
import { openSqliteStorage } from '../../sync-server/storage/sqlite'

function collect(value: unknown, out: unknown[]): void {
  out.push(value)
}

/** Values written by ContentAny items (map sets, array pushes) in each stored update of `name`. */
export function storedValues(dataDir: string, name: string): unknown[] {
  const storage = openSqliteStorage(dataDir)
  try {
    const values: unknown[] = []
    for (const update of storage.updatesSince(name, 0)) {
      for (const s of Y.decodeUpdate(update).structs) {
        if (s instanceof Y.Item && s.content instanceof Y.ContentAny) for (const v of s.content.arr) collect(v, values)
      }
    }
    return values
  } finally {
    storage.close()
  }
}
