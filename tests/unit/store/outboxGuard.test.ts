// Guard tests for the device outbox (src/store/syncAdapter.ts, mutation survivors): how acknowledgements
// and refusals settle rows, what they tell this tab and the others, and that a store bound to one user's
// database never reads or settles rows of the next user's.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import * as Y from 'yjs'
import { describe, expect, it, vi } from 'vitest'
import { closeStore, countUnsynced, createCase, createDexieSyncStore, createVisit, openStore } from '../../../src/store'
import { CHANNEL_NAME, type BroadcastMessage } from '../../../src/store/broadcast'
import { onChange, type ChangeEvent } from '../../../src/store/changes'
import { getDb, StoreLockedError } from '../../../src/store/db'
import { listRejected } from '../../../src/store/hooks'
import { whenAllWritten } from '../../../src/store/docStore'
import { getCursor } from '../../../src/store/storageMeta'
import { TEST_STORE_KEY } from '../../support/storeKey'
import { caseInput, dbName, storedUpdateCount, useFreshStore } from './helpers'

/** Change events of this tab while `fn` runs. */
async function changesDuring(fn: () => Promise<void>): Promise<ChangeEvent[]> {
  const seen: ChangeEvent[] = []
  const stop = onChange((e) => seen.push(e))
  try {
    await fn()
  } finally {
    stop()
  }
  return seen
}

/** What another tab hears on the doum-docs channel (status messages only) while `fn` runs. */
async function statusHeardDuring(fn: () => Promise<void>, expected: number): Promise<BroadcastMessage[]> {
  const other = new BroadcastChannel(CHANNEL_NAME)
  const heard: BroadcastMessage[] = []
  other.onmessage = (e: MessageEvent<BroadcastMessage>) => {
    if (e.data.type === 'status') heard.push(e.data)
  }
  try {
    await fn()
    if (expected > 0) await vi.waitFor(() => expect(heard.length).toBeGreaterThanOrEqual(expected))
    else await new Promise((r) => setTimeout(r, 50))
  } finally {
    other.close()
  }
  return heard
}

async function docRow(name: string) {
  return getDb().docs.get(name)
}

describe('settling outbox rows', () => {
  useFreshStore()

  it('an acknowledgement tells this tab (relay-side, not a new local change) and the other tabs which documents settled', async () => {
    const sync = createDexieSyncStore()
    const id = await createCase(caseInput())
    const name = `case/${id}`
    const [row] = await sync.pendingUpdates(10)
    let changes: ChangeEvent[] = []
    const heard = await statusHeardDuring(async () => {
      changes = await changesDuring(() => sync.markAcked([row!.localId]))
    }, 1)
    expect(changes.map((e) => ({ names: e.names, local: e.local }))).toEqual([{ names: [name], local: false }])
    expect(heard).toEqual([{ type: 'status', names: [name] }])
    // Acknowledged is not refused.
    expect(await listRejected()).toEqual([])
    expect((await docRow(name))?.rejectedCount).toBe(0)
    expect(await countUnsynced()).toBe(0)
  })

  it('a refusal tells this tab and the other tabs which documents now hold refused rows', async () => {
    const sync = createDexieSyncStore()
    const id = await createCase(caseInput())
    const name = `case/${id}`
    const [row] = await sync.pendingUpdates(10)
    let changes: ChangeEvent[] = []
    const heard = await statusHeardDuring(async () => {
      changes = await changesDuring(() => sync.markRejected([row!.localId], 'forbidden', '권한 없음'))
    }, 1)
    expect(changes.map((e) => ({ names: e.names, local: e.local }))).toEqual([{ names: [name], local: false }])
    expect(heard).toEqual([{ type: 'status', names: [name] }])
  })

  it('an empty acknowledgement or refusal changes nothing and wakes no one', async () => {
    const sync = createDexieSyncStore()
    await createCase(caseInput())
    await whenAllWritten()
    let changes: ChangeEvent[] = []
    const heard = await statusHeardDuring(async () => {
      changes = await changesDuring(async () => {
        await sync.markAcked([])
        await sync.markRejected([], 'forbidden', '권한 없음')
      })
    }, 0)
    expect(changes).toEqual([])
    expect(heard).toEqual([])
    expect(await sync.pendingUpdates(10)).toHaveLength(1)
  })

  it('an acknowledged row stays acknowledged: a later refusal of the same row is not counted', async () => {
    const sync = createDexieSyncStore()
    const id = await createCase(caseInput())
    const [row] = await sync.pendingUpdates(10)
    await sync.markAcked([row!.localId])
    await sync.markRejected([row!.localId], 'forbidden', '권한 없음')
    expect(await listRejected()).toEqual([])
    const stored = await getDb().updates.get(row!.localId)
    expect(stored?.acked).toBe(1)
    expect(stored?.rejectedCode).toBeUndefined()
    expect(await countUnsynced()).toBe(0)
    expect((await docRow(`case/${id}`))?.hasPending).toBe(0)
  })

  it('an answer for rows the device no longer holds (documents removed meanwhile) settles the rest', async () => {
    const sync = createDexieSyncStore()
    const gone = await createCase(caseInput())
    const kept = await createCase(caseInput({ members: [{ name: '박지성' }] }))
    const pending = await sync.pendingUpdates(10)
    const goneRow = pending.find((p) => p.name === `case/${gone}`)!
    const keptRow = pending.find((p) => p.name === `case/${kept}`)!
    await sync.removeDocs([`case/${gone}`])
    await sync.markAcked([goneRow.localId, keptRow.localId])
    expect(await sync.pendingUpdates(10)).toEqual([])
    expect(await countUnsynced()).toBe(0)
    await sync.markRejected([goneRow.localId], 'forbidden', '권한 없음')
    expect(await listRejected()).toEqual([])
  })

  it('rows of a document whose record is missing are still settled', async () => {
    const sync = createDexieSyncStore()
    const id = await createCase(caseInput())
    await whenAllWritten()
    const [row] = await sync.pendingUpdates(10)
    await getDb().docs.delete(`case/${id}`)
    await sync.markAcked([row!.localId])
    expect((await getDb().updates.get(row!.localId))?.acked).toBe(1)
    expect(await sync.pendingUpdates(10)).toEqual([])
  })

  it('the refusal message of a document is kept when another of its rows is acknowledged or refused without a message', async () => {
    const sync = createDexieSyncStore()
    const id = await createCase(caseInput())
    await createVisit(id, { contact: 'met' })
    await createVisit(id, { contact: 'met' })
    const rows = await sync.pendingUpdates(10)
    expect(rows).toHaveLength(3)
    await sync.markRejected([rows[0]!.localId], 'forbidden', '이 문서를 바꿀 권한이 없습니다.')
    await sync.markAcked([rows[1]!.localId])
    expect(await listRejected()).toEqual([
      { name: `case/${id}`, kind: 'case', caseId: id, count: 1, message: '이 문서를 바꿀 권한이 없습니다.' },
    ])
    await sync.markRejected([rows[2]!.localId], 'invalid', '')
    expect(await listRejected()).toEqual([
      { name: `case/${id}`, kind: 'case', caseId: id, count: 2, message: '이 문서를 바꿀 권한이 없습니다.' },
    ])
    expect(await countUnsynced()).toBe(1) // refused rows never reached the relay
  })

  it('stores a feed page with its cursor', async () => {
    const sync = createDexieSyncStore()
    const remote = new Y.Doc()
    remote.getMap('meta').set('id', 'r')
    const { stored } = await sync.applyFeedPage!([{ name: `report/${crypto.randomUUID()}`, update: Y.encodeStateAsUpdate(remote) }], 7)
    await stored
    expect(await getCursor()).toBe(7)
    expect(await storedUpdateCount()).toBe(1)
  })
})

describe('a sync store bound to one user’s database', () => {
  useFreshStore()

  it('fails with StoreLockedError once the store is locked', async () => {
    const sync = createDexieSyncStore()
    await createCase(caseInput())
    await whenAllWritten()
    closeStore()
    await expect(sync.pendingUpdates(10)).rejects.toBeInstanceOf(StoreLockedError)
    await expect(sync.markAcked([1])).rejects.toBeInstanceOf(StoreLockedError)
  })

  it('never reads, settles or signals the rows of the next user’s database', async () => {
    const sync = createDexieSyncStore()
    let signalled = 0
    const stop = sync.onLocalChange(() => signalled++)
    await createCase(caseInput())
    await whenAllWritten()
    expect(signalled).toBe(1)
    const nextUser = `${dbName}-next`
    closeStore()
    openStore(nextUser, TEST_STORE_KEY)
    try {
      await createCase(caseInput({ members: [{ name: '다음사용자' }] }))
      await whenAllWritten()
      expect(signalled).toBe(1)
      const theirs = await createDexieSyncStore().pendingUpdates(10)
      expect(theirs).toHaveLength(1)
      await expect(sync.pendingUpdates(10)).rejects.toBeInstanceOf(StoreLockedError)
      await expect(sync.markAcked(theirs.map((p) => p.localId))).rejects.toBeInstanceOf(StoreLockedError)
      expect(await createDexieSyncStore().pendingUpdates(10)).toHaveLength(1)
    } finally {
      stop()
      await whenAllWritten()
      closeStore()
      await Dexie.delete(nextUser)
      openStore(dbName, TEST_STORE_KEY)
    }
  })
})
