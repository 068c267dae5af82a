// Repair and daily refresh of projection rows: due flags depend on today and on the deadline
// settings, so rows computed on another day (or before a settings change) are recomputed here.
import * as Y from 'yjs'
import { todayInSeoul } from '../domain'
import { caseDocName, emptyDoc } from './caseDoc'
import { emitChange } from './changes'
import { getDb } from './db'
import type { CaseRow } from './db'
import { decodeMany } from './docCodec'
import { openDocIfLoaded, readRows, REMOTE_ORIGIN, rowTables } from './docStore'
import { heldNamesOfKind } from './packs'
import { projectDoc, sealCaseRows } from './projection'
import { getSettings } from './storageMeta'

const BATCH = 100

/** Recomputes the projection rows of the given case docs (all case docs when omitted). */
export async function rebuildProjections(names?: readonly string[]): Promise<number> {
  const db = getDb()
  const all = names ?? (await heldNamesOfKind(db, 'case'))
  const settings = await getSettings()
  const today = todayInSeoul()
  let count = 0
  for (let i = 0; i < all.length; i += BATCH) {
    const batch = all.slice(i, i + BATCH)
    const rowsByName = await db.transaction('r', rowTables(db), () => Promise.all(batch.map((n) => readRows(db, n))))
    const rows: CaseRow[] = []
    for (let j = 0; j < batch.length; j++) {
      const name = batch[j] as string
      const open = openDocIfLoaded(name)
      let row: CaseRow | null
      if (open) {
        row = projectDoc(name, open, today, settings)
      } else {
        const updates = await decodeMany(db.key, name, (rowsByName[j] ?? []).map((r) => r.bytes))
        if (!updates.length) continue
        const temp = emptyDoc(name)
        Y.applyUpdate(temp, Y.mergeUpdates(updates), REMOTE_ORIGIN)
        row = projectDoc(name, temp, today, settings)
        temp.destroy()
      }
      if (row) rows.push(row)
    }
    await db.cases.bulkPut(await sealCaseRows(db.key, rows))
    count += rows.length
    emitChange({ names: batch, local: false })
  }
  return count
}

/** Recomputes rows whose due flags were computed for another day; returns how many. */
export async function refreshStaleProjections(): Promise<number> {
  const today = todayInSeoul()
  const stale = await getDb().cases.where('dueDay').notEqual(today).primaryKeys()
  if (!stale.length) return 0
  return rebuildProjections(stale.map((id) => caseDocName(String(id))))
}
