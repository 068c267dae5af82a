// After the relay lost acknowledged updates (its database restored from a backup), the device puts
// back in its outbox whatever it holds beyond the relay's states, so nothing acknowledged is lost.
import * as Y from 'yjs'
import { beyondRelay } from '../sync/beyondRelay'
import type { RemoteUpdate } from '../sync/syncStore'
import { postBroadcast } from './broadcast'
import { emitChange } from './changes'
import { getDb, nowIso, pendingDocRow } from './db'
import { decodeMany, encodeMany } from './docCodec'
import { readRows, rowTables } from './docStore'
import { heldNames } from './packs'

export async function heldDocNames(): Promise<string[]> {
  return heldNames(getDb())
}

/** See SyncStore.requeueBeyondRelay. Only acknowledged rows are compared: pending ones go out anyway. */
export async function requeueBeyondRelay(items: readonly RemoteUpdate[]): Promise<number> {
  const db = getDb()
  const rowsByDoc = await db.transaction('r', rowTables(db), () => Promise.all(items.map((it) => readRows(db, it.name))))
  const extra: { name: string; update: Uint8Array }[] = []
  for (const [i, { name, update }] of items.entries()) {
    const rows = (rowsByDoc[i] ?? []).filter((r) => r.acked === 1)
    if (!rows.length) continue
    const updates = await decodeMany(db.key, name, rows.map((r) => r.bytes))
    const local = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates)
    const beyond = beyondRelay(name, local, update)
    if (beyond) extra.push({ name, update: beyond })
  }
  if (!extra.length) return 0
  const stored = await encodeMany(db.key, extra.map((e) => e.name), extra.map((e) => e.update))
  const at = nowIso()
  await db.transaction('rw', db.updates, db.docs, async () => {
    await db.updates.bulkAdd(extra.map((e, i) => ({ docName: e.name, bytes: stored[i] as Uint8Array, acked: 0 as const, createdAt: at })))
    const names = extra.map((e) => e.name)
    const prev = await db.docs.bulkGet(names)
    // The content is not new to this device, so the row keeps its last-changed time.
    await db.docs.bulkPut(names.map((name, i) => pendingDocRow(name, prev[i], prev[i]?.updatedAt ?? at)))
  })
  const names = extra.map((e) => e.name)
  postBroadcast({ type: 'status', names })
  emitChange({ names, local: true })
  return extra.length
}
