// Reads many case files at once (statistics) without keeping their docs in memory.
import * as Y from 'yjs'
import type { CaseFile } from '../domain'
import { caseIdOf, emptyDoc, hasCaseFile, readCaseFile } from './caseDoc'
import { getDb } from './db'
import { decodeMany } from './docCodec'
import { openDocIfLoaded, readRows, REMOTE_ORIGIN, rowTables } from './docStore'
import { heldNamesOfKind } from './packs'

const BATCH = 200

/** Every readable case file on the device (unreadable ones are skipped), in batches of 200. */
export async function loadAllCaseFiles(): Promise<CaseFile[]> {
  const db = getDb()
  const names = await heldNamesOfKind(db, 'case')
  const out: CaseFile[] = []
  for (let i = 0; i < names.length; i += BATCH) {
    const batch = names.slice(i, i + BATCH)
    const rows = await db.transaction('r', rowTables(db), () => Promise.all(batch.map((n) => readRows(db, n))))
    for (let j = 0; j < batch.length; j++) {
      const name = batch[j] as string
      let doc = openDocIfLoaded(name)
      let temp = false
      if (!doc) {
        const updates = await decodeMany(db.key, name, (rows[j] ?? []).map((r) => r.bytes))
        if (!updates.length) continue
        doc = emptyDoc(name)
        temp = true
        Y.applyUpdate(doc, Y.mergeUpdates(updates), REMOTE_ORIGIN)
      }
      try {
        if (hasCaseFile(doc)) out.push(readCaseFile(doc))
      } catch (err) {
        console.warn(`case ${caseIdOf(name).slice(0, 8)}… unreadable:`, (err as Error).message)
      } finally {
        if (temp) doc.destroy()
      }
    }
  }
  return out
}
