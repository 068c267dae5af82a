// The sync engine's view of the device (src/sync/syncStore.ts) implemented over the Dexie update log.
import type { PendingUpdate, RemoteUpdate, SyncStore } from '../sync/syncStore'
import { postBroadcast } from './broadcast'
import { emitChange, onChange } from './changes'
import { getDb, isStoreOpen, StoreLockedError } from './db'
import type { UpdateRow } from './db'
import { decodeFromStorage } from './docCodec'
import { applyRemoteUpdates, compactMany, docStateVector, removeDocuments, stageRemoteUpdates } from './docStore'
import { keepUnsentText } from './lostAccess'
import { heldDocNames, requeueBeyondRelay } from './relayRepair'
import { ROLLBACK_CODES, rollBackRefused } from './rollback'
import { getCursor, getDeviceId, getRelayMark, setCursor, setRelayMark } from './storageMeta'

/**
 * The engine's store, bound to the database open now (one user's). Work the engine still has in
 * flight after a lock or a switch of user fails with StoreLockedError instead of reaching the next
 * user's database.
 */
export function createDexieSyncStore(): SyncStore {
  const bound = getDb()
  const guarded =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      if (!isStoreOpen() || getDb() !== bound) return Promise.reject(new StoreLockedError())
      return fn(...args)
    }
  return {
    getDeviceId: guarded(getDeviceId),
    getCursor: guarded(getCursor),
    setCursor: guarded(setCursor),
    getRelayMark: guarded(getRelayMark),
    setRelayMark: guarded(setRelayMark),
    pendingUpdates: guarded(pendingUpdates),
    markAcked: guarded(markAcked),
    markRejected: guarded(markRejected),
    applyRemote: guarded((items: RemoteUpdate[]) => applyRemoteUpdates(items)),
    applyFeedPage: guarded((items: RemoteUpdate[], cursor: number, after?: number, summaries?: ReadonlyMap<string, string>) =>
      stageRemoteUpdates(items, { cursor, after, summaries }),
    ),
    // Text the relay never took is kept for the worker to copy before the documents go.
    removeDocs: guarded(async (names: string[]) => {
      await keepUnsentText(bound, names)
      await removeDocuments(names)
    }),
    stateVector: guarded((name: string) => docStateVector(name)),
    heldDocNames: guarded(heldDocNames),
    requeueBeyondRelay: guarded((items: RemoteUpdate[]) => requeueBeyondRelay(items)),
    onLocalChange: (listener: () => void) =>
      onChange((e) => {
        if (e.local && isStoreOpen() && getDb() === bound) listener()
      }),
  }
}

async function pendingUpdates(limit: number): Promise<PendingUpdate[]> {
  const db = getDb()
  const rows = await db
    .updates.where('acked')
    .equals(0)
    .filter((r) => !r.rejectedCode)
    .limit(limit)
    .toArray()
  return Promise.all(
    rows.map(async (r) => ({ localId: r.localId as number, name: r.docName, update: await decodeFromStorage(db.key, r.docName, r.bytes) })),
  )
}

/** Updates rows by id in one transaction, then recomputes hasPending of the documents touched. */
async function changeRows(localIds: number[], change: (row: UpdateRow) => void, rejected: boolean, message?: string): Promise<string[]> {
  const db = getDb()
  return db.transaction('rw', db.updates, db.docs, async () => {
    const rows = (await db.updates.bulkGet(localIds)).filter((r): r is UpdateRow => r !== undefined && r.acked === 0)
    for (const r of rows) change(r)
    await db.updates.bulkPut(rows)
    const perDoc = new Map<string, number>()
    for (const r of rows) perDoc.set(r.docName, (perDoc.get(r.docName) ?? 0) + 1)
    for (const [name, count] of perDoc) {
      const doc = await db.docs.get(name)
      if (!doc) continue
      const unacked = await db.updates.where('[docName+acked]').equals([name, 0]).count()
      await db.docs.put({
        ...doc,
        hasPending: unacked > 0 ? 1 : 0,
        rejectedCount: doc.rejectedCount + (rejected ? count : 0),
        ...(rejected && message ? { rejectedMessage: message } : {}),
      })
    }
    return [...perDoc.keys()]
  })
}

async function markAcked(localIds: number[]): Promise<void> {
  if (!localIds.length) return
  const names = await changeRows(localIds, (r) => {
    r.acked = 1
  }, false)
  postBroadcast({ type: 'status', names })
  emitChange({ names, local: false })
  await compactMany(names)
}

async function markRejected(localIds: number[], code: string, message: string): Promise<void> {
  if (!localIds.length) return
  const db = getDb()
  const names = await changeRows(
    localIds,
    (r) => {
      r.rejectedCode = code
      r.rejectedMessage = message
    },
    true,
    message,
  )
  // Refused for what they hold: the documents go back to the relay's state, their text kept to copy.
  if (ROLLBACK_CODES.has(code)) await rollBackRefused(db, names)
  postBroadcast({ type: 'status', names })
  emitChange({ names, local: false })
}
