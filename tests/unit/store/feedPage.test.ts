// Feed pages as the sync engine hands them over, pipelined (createDexieSyncStore().applyFeedPage): a
// page and its cursor are durable together, a failed page never lets a later cursor be stored, an
// interrupted first sync resumes, and the list index takes the summaries from memory.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import * as Y from 'yjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { closeStore, createDexieSyncStore, getCaseFile, openStore } from '../../../src/store'
import { caseDocName, readCaseFile, writeNewCase } from '../../../src/store/caseDoc'
import { getCaseIndex } from '../../../src/store/caseIndex'
import { getDb, StoreLockedError } from '../../../src/store/db'
import { syntheticCase } from '../../../src/store/demo'
import { FeedGapError, openDoc, PROJECT_SLICE, stageRemoteUpdates, whenAllWritten } from '../../../src/store/docStore'
import { getCursor } from '../../../src/store/storageMeta'
import type { RemoteUpdate } from '../../../src/sync/syncStore'
import { seededRandom } from '../../support/random'
import { TEST_STORE_KEY } from '../../support/storeKey'
import { dbName, heldDocCount, reopen, storedUpdateCount, useFreshStore } from './helpers'

const rand = seededRandom(7)

/** Case files made on another device, as the relay's feed sends them. */
function remoteCases(n: number): { items: RemoteUpdate[]; heads: Map<string, string> } {
  const items: RemoteUpdate[] = []
  const heads = new Map<string, string>()
  for (let i = 0; i < n; i++) {
    const cf = syntheticCase(rand, '2026-11-20')
    const doc = new Y.Doc()
    writeNewCase(doc, cf)
    items.push({ name: caseDocName(cf.meta.id), update: Y.encodeStateAsUpdate(doc) })
    heads.set(cf.meta.id, cf.members.find((m) => m.isHead)?.name ?? cf.members[0]!.name)
    doc.destroy()
  }
  return { items, heads }
}

async function counts(): Promise<{ updates: number; docs: number; cases: number; cursor: number }> {
  const db = getDb()
  return { updates: await storedUpdateCount(), docs: await heldDocCount(), cases: await db.cases.count(), cursor: await getCursor() }
}

describe('feed pages into the device store', () => {
  useFreshStore()
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('stores a page with its cursor; the next page is handed over before the previous one is durable', async () => {
    const sync = createDexieSyncStore()
    const a = remoteCases(3)
    const b = remoteCases(2)
    const first = await sync.applyFeedPage!(a.items, 5)
    // Handed over while page one commits.
    const second = await sync.applyFeedPage!(b.items, 9, 5)
    const order: string[] = []
    await Promise.all([first.stored.then(() => order.push('5')), second.stored.then(() => order.push('9'))])
    expect(order).toEqual(['5', '9'])
    expect(await counts()).toEqual({ updates: 5, docs: 5, cases: 5, cursor: 9 })
    // An empty page moves the cursor only; an older cursor never moves it back.
    await (await sync.applyFeedPage!([], 12, 9)).stored
    expect(await getCursor()).toBe(12)
    await (await sync.applyFeedPage!(remoteCases(1).items, 4)).stored
    expect(await getCursor()).toBe(12)
    for (const [id, head] of a.heads) expect((await getCaseFile(id))?.members.some((m) => m.name === head)).toBe(true)
  })

  it('never stores the cursor without its rows, nor rows without the cursor', async () => {
    const sync = createDexieSyncStore()
    const db = getDb()
    // The page's pack fails to store: the cursor after it must not be there either.
    vi.spyOn(db.packs, 'add').mockImplementationOnce(() => Dexie.Promise.reject(new Error('QuotaExceededError')))
    await expect((await sync.applyFeedPage!(remoteCases(2).items, 5)).stored).rejects.toThrow('QuotaExceededError')
    expect(await counts()).toEqual({ updates: 0, docs: 0, cases: 0, cursor: 0 })
    // The cursor fails to store: its rows must not be there (the page comes again from the old cursor).
    vi.spyOn(db.meta, 'put').mockImplementationOnce(() => Dexie.Promise.reject(new Error('QuotaExceededError')))
    await expect((await sync.applyFeedPage!(remoteCases(2).items, 5)).stored).rejects.toThrow('QuotaExceededError')
    expect(await counts()).toEqual({ updates: 0, docs: 0, cases: 0, cursor: 0 })
  })

  it('a failed page lets no later page store its cursor; the first sync then resumes and loses nothing', async () => {
    const sync = createDexieSyncStore()
    const pages = [remoteCases(4), remoteCases(3), remoteCases(2)]
    const cursors = [10, 20, 30]
    vi.spyOn(getDb().cases, 'bulkPut').mockImplementationOnce(() => Dexie.Promise.reject(new Error('AbortError')))
    // Pipelined as the engine does: every page handed over before the first one is durable.
    const staged = []
    for (const [i, page] of pages.entries()) staged.push(await sync.applyFeedPage!(page.items, cursors[i]!, cursors[i - 1]))
    const results = await Promise.allSettled(staged.map((s) => s.stored))
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(FeedGapError)
    expect(await counts()).toEqual({ updates: 0, docs: 0, cases: 0, cursor: 0 })

    // The device restarts (the tab was closed): the relay sends the feed again from the stored cursor.
    await reopen()
    const again = createDexieSyncStore()
    expect(await again.getCursor()).toBe(0)
    const resumed = []
    for (const [i, page] of pages.entries()) resumed.push(await again.applyFeedPage!(page.items, cursors[i]!, cursors[i - 1]))
    await Promise.all(resumed.map((s) => s.stored))
    expect(await counts()).toEqual({ updates: 9, docs: 9, cases: 9, cursor: 30 })
    const index = getCaseIndex()
    await index.load()
    for (const page of pages) for (const [id, head] of page.heads) expect(index.get(id)?.headName).toBe(head)
  })

  it('an interrupted first sync resumes after the last durable page', async () => {
    const sync = createDexieSyncStore()
    const pages = [remoteCases(3), remoteCases(3), remoteCases(3)]
    await (await sync.applyFeedPage!(pages[0]!.items, 10)).stored
    // Page two is handed over and the tab dies before it commits: the database is closed under it.
    const cut = sync.applyFeedPage!(pages[1]!.items, 20, 10)
    closeStore()
    await expect(cut.then((s) => s.stored)).rejects.toThrow()
    openStore(dbName, TEST_STORE_KEY)
    const again = createDexieSyncStore()
    const from = await again.getCursor()
    expect(from).toBe(10)
    // The relay sends everything after cursor 10 again.
    await (await again.applyFeedPage!(pages[1]!.items, 20)).stored
    await (await again.applyFeedPage!(pages[2]!.items, 30, 20)).stored
    expect(await counts()).toEqual({ updates: 9, docs: 9, cases: 9, cursor: 30 })
  })

  it('feeds the list index from memory, with every row of every page, loaded or loading', async () => {
    const sync = createDexieSyncStore()
    const index = getCaseIndex()
    await index.load()
    const bulkGet = vi.spyOn(getDb().cases, 'bulkGet')
    const pages = [remoteCases(PROJECT_SLICE + 7), remoteCases(40)]
    const staged = [await sync.applyFeedPage!(pages[0]!.items, 1), await sync.applyFeedPage!(pages[1]!.items, 2, 1)]
    await Promise.all(staged.map((s) => s.stored))
    await index.whenSettled()
    expect(bulkGet).not.toHaveBeenCalled()
    expect(index.size).toBe(PROJECT_SLICE + 7 + 40)
    for (const page of pages) for (const [id, head] of page.heads) expect(index.get(id)?.headName).toBe(head)
    expect(index.query({ query: [...pages[1]!.heads.values()][0] }).length).toBeGreaterThan(0)

    // The same on a fresh index that is still loading when a page lands.
    await reopen()
    const loading = getCaseIndex()
    const load = loading.load()
    const third = remoteCases(5)
    await (await createDexieSyncStore().applyFeedPage!(third.items, 3, 2)).stored
    await load
    await loading.whenSettled()
    expect(loading.size).toBe(PROJECT_SLICE + 7 + 40 + 5)
    for (const [id, head] of third.heads) expect(loading.get(id)?.headName).toBe(head)
  })

  it('merges a page into documents the device holds and into an open document', async () => {
    const sync = createDexieSyncStore()
    const { items } = remoteCases(2)
    await (await sync.applyFeedPage!(items, 1)).stored
    await reopen()
    // One held and closed, one open on a screen; both get a later remote change of the head's name.
    const [held, shown] = items.map((it) => it.name) as [string, string]
    const open = await openDoc(shown)
    const rename = (name: string, to: string) => {
      const d = new Y.Doc()
      Y.applyUpdate(d, items.find((i) => i.name === name)!.update)
      const sv = Y.encodeStateVector(d)
      const members = d.getMap('members')
      for (const m of members.values()) if ((m as Y.Map<unknown>).get('isHead')) (m as Y.Map<unknown>).set('name', to)
      return Y.encodeStateAsUpdate(d, sv)
    }
    const again = createDexieSyncStore()
    const index = getCaseIndex()
    await index.load()
    await (await again.applyFeedPage!([{ name: held, update: rename(held, '홍길동') }, { name: shown, update: rename(shown, '임꺽정') }], 2, 1)).stored
    await index.whenSettled()
    expect(index.get(held.slice(5))?.headName).toBe('홍길동')
    expect(index.get(shown.slice(5))?.headName).toBe('임꺽정')
    expect(readCaseFile(open).members.find((m) => m.isHead)?.name).toBe('임꺽정')
    expect((await getCaseFile(shown.slice(5)))?.members.find((m) => m.isHead)?.name).toBe('임꺽정')
    await whenAllWritten()
  })

  it('a page handed over before a lock or a switch of user never reaches the next database', async () => {
    const sync = createDexieSyncStore()
    const page = remoteCases(PROJECT_SLICE * 2)
    const staged = stageRemoteUpdates(page.items, { cursor: 7 })
    // Locked and another user signs in while the page is prepared.
    closeStore()
    const other = `test-${crypto.randomUUID()}`
    openStore(other, TEST_STORE_KEY)
    try {
      await expect(staged.then((s) => s.stored)).rejects.toThrow()
      await expect(sync.applyFeedPage!(page.items, 7)).rejects.toBeInstanceOf(StoreLockedError)
      await whenAllWritten()
      expect(await counts()).toEqual({ updates: 0, docs: 0, cases: 0, cursor: 0 })
      expect(getCaseIndex().size).toBe(0)
    } finally {
      closeStore()
      await Dexie.delete(other)
      openStore(dbName, TEST_STORE_KEY)
    }
  })
})
