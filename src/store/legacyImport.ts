// Devices that ran a version before per-user encryption hold one plaintext database, `doum`. At the
// first sign-in its documents move into the signed-in user's encrypted store (acknowledged or not,
// so nothing unsynced is lost), then the plaintext database is deleted. A database whose stored
// session belongs to another user is left for that user's sign-in.
import Dexie from 'dexie'
import { getDb, LEGACY_DB_NAME, nowIso } from './db'
import type { DocRow } from './db'
import { encodeMany } from './docCodec'
import { rebuildProjections } from './rebuild'

interface LegacyUpdateRow {
  docName: string
  bytes: Uint8Array
  acked: 0 | 1
  rejectedCode?: string
  rejectedMessage?: string
  createdAt?: string
}

/** Moves the legacy database into the open store; returns how many documents came over. */
export async function importLegacyStore(userId: string): Promise<number> {
  if (!(await Dexie.exists(LEGACY_DB_NAME))) return 0
  const legacy = new Dexie(LEGACY_DB_NAME)
  let docs: DocRow[]
  try {
    await legacy.open()
    const tables = new Set(legacy.tables.map((t) => t.name))
    if (!tables.has('updates') || !tables.has('docs')) return 0
    const session = tables.has('meta') ? ((await legacy.table('meta').get('session')) as { value?: { user?: { id?: string } } } | undefined) : undefined
    const owner = session?.value?.user?.id
    if (owner && owner !== userId) return 0
    const rows = (await legacy.table('updates').toArray()) as LegacyUpdateRow[]
    docs = (await legacy.table('docs').toArray()) as DocRow[]
    const cursor = tables.has('meta') ? ((await legacy.table('meta').get('cursor')) as { value?: unknown } | undefined) : undefined
    const db = getDb()
    const sealed = await encodeMany(db.key, rows.map((r) => r.docName), rows.map((r) => r.bytes))
    await db.transaction('rw', db.updates, db.docs, db.meta, async () => {
      await db.updates.bulkAdd(
        rows.map((r, i) => ({
          docName: r.docName,
          bytes: sealed[i] as Uint8Array,
          acked: r.acked,
          ...(r.rejectedCode ? { rejectedCode: r.rejectedCode, rejectedMessage: r.rejectedMessage ?? '' } : {}),
          createdAt: r.createdAt ?? nowIso(),
        })),
      )
      await db.docs.bulkPut(docs)
      // The feed cursor is kept only with an owner: it says what this user's relay already sent.
      if (owner && typeof cursor?.value === 'number') await db.meta.put({ key: 'cursor', value: cursor.value })
    })
  } finally {
    legacy.close()
  }
  await Dexie.delete(LEGACY_DB_NAME)
  await rebuildProjections(docs.filter((d) => d.kind === 'case').map((d) => d.name))
  return docs.length
}
