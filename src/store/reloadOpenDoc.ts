// An open document rebuilt from its rows after a rollback took rows away (Yjs cannot take content out of
// a doc): the new doc replaces it in memory and screens follow it on the next change event.
import * as Y from 'yjs'
import { getDb, isStoreOpen, StoreLockedError } from './db'
import type { DoumDb } from './db'
import { openDocIfLoaded, readUpdates, replaceOpenDoc, whenLoaded } from './docStore'
import { removedText } from './refusedText'
import { appliesCleanly, docOf } from './replay'

/** Origin of unsaved local updates carried over to the rebuilt doc: it stores them as local changes. */
const CARRIED = Symbol('doum-carried')

export function assertCurrent(db: DoumDb): void {
  if (!isStoreOpen() || getDb() !== db) throw new StoreLockedError()
}

/**
 * Rebuilds the open doc of `name` from its rows; null when it is not in memory. Local updates the old
 * doc had not stored yet go on in the new one when they apply cleanly; returns the text of those that
 * did not ('' when none were lost). Run it between local writes (betweenLocalWrites).
 */
export async function reloadOpenDoc(db: DoumDb, name: string): Promise<string | null> {
  await whenLoaded(name)
  assertCurrent(db)
  if (!openDocIfLoaded(name)) return null
  const next = docOf(name, await readUpdates(db, name))
  const swapped = replaceOpenDoc(db, name, next)
  if (!swapped) {
    next.destroy()
    return null
  }
  let lost = false
  for (const update of swapped.unsaved) {
    if (appliesCleanly(next, update)) Y.applyUpdate(next, update, CARRIED)
    else lost = true
  }
  const text = lost ? removedText(swapped.old, next) : ''
  swapped.old.destroy()
  return text
}
