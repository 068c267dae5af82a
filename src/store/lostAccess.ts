// Case files this user may no longer read (transferred, team changed) leave the device at the next
// sync. If the worker wrote something there that the relay never took, that text is kept first,
// sealed, and shown until the worker has copied what they need and dismissed it.
import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { caseFileAsText } from '../domain'
import { caseIdOf, emptyDoc, hasCaseFile, isCaseDoc, readCaseFile } from './caseDoc'
import type { DoumDb } from './db'
import { nowIso } from './db'
import { readUpdates } from './docStore'
import { getSealedMeta, setSealedMeta } from './storageMeta'

export interface LostDoc {
  name: string
  caseId: string
  headName: string
  removedAt: string
  /** What the device held, as text (caseFileAsText), including the changes never acknowledged. */
  text: string
}

const KEY = 'lostAccess'
const listeners = new Set<() => void>()

/** Called before `names` are removed: keeps the text of those with changes the relay never took. */
export async function keepUnsentText(db: DoumDb, names: readonly string[]): Promise<void> {
  const docs = await db.docs.bulkGet([...names])
  const unsent = names.filter((n, i) => isCaseDoc(n) && (docs[i]?.hasPending === 1 || (docs[i]?.rejectedCount ?? 0) > 0))
  if (!unsent.length) return
  const kept: LostDoc[] = []
  for (const name of unsent) {
    const updates = await readUpdates(db, name)
    if (!updates.length) continue
    const doc = emptyDoc(name)
    try {
      Y.applyUpdate(doc, Y.mergeUpdates(updates))
      if (!hasCaseFile(doc)) continue
      const cf = readCaseFile(doc)
      const head = cf.members.find((m) => m.isHead) ?? cf.members[0]
      kept.push({ name, caseId: caseIdOf(name), headName: head?.name ?? '', removedAt: nowIso(), text: caseFileAsText(cf) })
    } catch {
      // Unreadable: nothing a worker could copy from it.
    } finally {
      doc.destroy()
    }
  }
  if (!kept.length) return
  const before = (await getSealedMeta<LostDoc[]>(KEY, db)) ?? []
  await setSealedMeta(KEY, [...before.filter((d) => !kept.some((k) => k.name === d.name)), ...kept], db)
  for (const l of [...listeners]) l()
}

export async function listLostDocs(): Promise<LostDoc[]> {
  return (await getSealedMeta<LostDoc[]>(KEY)) ?? []
}

/** The worker has seen it: the text goes too. */
export async function dismissLostDoc(name: string): Promise<void> {
  const rest = (await listLostDocs()).filter((d) => d.name !== name)
  await setSealedMeta(KEY, rest.length ? rest : null)
  for (const l of [...listeners]) l()
}

export function useLostDocs(): LostDoc[] {
  const [docs, setDocs] = useState<LostDoc[]>([])
  useEffect(() => {
    let live = true
    const load = () => void listLostDocs().then((d) => live && setDocs(d), () => undefined)
    load()
    listeners.add(load)
    return () => {
      live = false
      listeners.delete(load)
    }
  }, [])
  return docs
}
