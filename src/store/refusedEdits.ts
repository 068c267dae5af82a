// Changes the relay refused and the device rolled back (rollback.ts): their text and the relay's reason,
// sealed in meta (one row per refusal, `refused:<random id>`), shown until the worker dismisses them.
import { useEffect, useState } from 'react'
import { getDb } from './db'
import type { DoumDb, MetaRow } from './db'
import { openValue, sealValue } from './docCodec'

export interface RefusedEdit {
  id: string
  /** Document name, `case/<uuid>`. */
  name: string
  caseId?: string
  /** Head of household as the device had it ('' when unknown). */
  headName: string
  refusedAt: string
  code: string
  /** The relay's reason, Korean (several lines when rows were refused for different reasons). */
  reason: string
  /** What the rollback took out, as text; a full 주민등록번호 in it is masked. */
  text: string
}

const PREFIX = 'refused:'
const listeners = new Set<() => void>()

/** The meta row of `edit`, sealed with this database's key (written by the caller's transaction). */
export async function sealRefusedEdit(db: DoumDb, edit: RefusedEdit): Promise<MetaRow> {
  const key = PREFIX + edit.id
  return { key, value: await sealValue(db.key, `meta:${key}`, edit) }
}

/** Oldest first. */
export async function listRefusedEdits(db: DoumDb = getDb()): Promise<RefusedEdit[]> {
  const rows = await db.meta.where('key').startsWith(PREFIX).toArray()
  const edits = await Promise.all(rows.map((r) => openValue<RefusedEdit>(db.key, `meta:${r.key}`, r.value as Uint8Array)))
  return edits.sort((a, b) => (a.refusedAt < b.refusedAt ? -1 : a.refusedAt > b.refusedAt ? 1 : 0))
}

/** The worker has copied what they need: the text goes. */
export async function dismissRefusedEdit(id: string): Promise<void> {
  await getDb().meta.delete(PREFIX + id)
  notifyRefusedEdits()
}

export function notifyRefusedEdits(): void {
  for (const l of [...listeners]) l()
}

export function useRefusedEdits(): RefusedEdit[] {
  const [edits, setEdits] = useState<RefusedEdit[]>([])
  useEffect(() => {
    let live = true
    const load = () => void listRefusedEdits().then((e) => live && setEdits(e), () => undefined)
    load()
    listeners.add(load)
    return () => {
      live = false
      listeners.delete(load)
    }
  }, [])
  return edits
}
