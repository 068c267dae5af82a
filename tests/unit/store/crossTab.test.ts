import 'fake-indexeddb/auto'
import * as Y from 'yjs'
import { describe, expect, it, vi } from 'vitest'
import { createCase, createDexieSyncStore, createVisit, getCaseFile } from '../../../src/store'
import { CHANNEL_NAME } from '../../../src/store/broadcast'
import type { BroadcastMessage } from '../../../src/store/broadcast'
import { getCaseIndex } from '../../../src/store/caseIndex'
import { getDb } from '../../../src/store/db'
import { encodeMany } from '../../../src/store/docCodec'
import { openDoc } from '../../../src/store/docStore'
import { caseInput, useFreshStore } from './helpers'
import { readCaseRow, sealCaseRows } from '../../../src/store/projection'

describe('several tabs', () => {
  useFreshStore()

  it('announces every stored local update on the doum-docs channel', async () => {
    const other = new BroadcastChannel(CHANNEL_NAME)
    const seen: BroadcastMessage[] = []
    other.onmessage = (e: MessageEvent<BroadcastMessage>) => seen.push(e.data)
    const id = await createCase(caseInput())
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0))
    other.close()
    const first = seen[0]
    expect(first?.type).toBe('updates')
    if (first?.type !== 'updates') return
    expect(first.items[0]?.name).toBe(`case/${id}`)
    expect(first.items[0]?.local).toBe(true)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, first.items[0]?.update as Uint8Array)
    expect(doc.getMap('meta').get('id')).toBe(id)
  })

  it('applies another tab’s updates to open docs, refreshes the list and signals pending work', async () => {
    const id = await createCase(caseInput())
    const name = `case/${id}`
    const doc = await openDoc(name)
    const index = getCaseIndex()
    await index.load()
    let local = 0
    createDexieSyncStore().onLocalChange(() => local++)

    // The other tab: edits its own copy, persists the row and the projection, then broadcasts.
    const theirs = new Y.Doc()
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(doc))
    const updates: Uint8Array[] = []
    theirs.on('update', (u: Uint8Array) => updates.push(u))
    theirs.getMap('intake').set('sourceDetail', '다른 탭에서')
    const row = await readCaseRow(id)
    if (!row) throw new Error('projection row missing')
    await getDb().cases.bulkPut(await sealCaseRows(getDb().key, [{ ...row, summary: { ...row.summary, headName: '다른탭' } }]))
    const channel = new BroadcastChannel(CHANNEL_NAME)
    channel.postMessage({ type: 'updates', items: [{ name, update: updates[0] as Uint8Array, local: true }] } satisfies BroadcastMessage)
    channel.close()

    await vi.waitFor(() => expect(doc.getMap('intake').get('sourceDetail')).toBe('다른 탭에서'))
    expect((await getCaseFile(id))?.intake.sourceDetail).toBe('다른 탭에서')
    await vi.waitFor(() => expect(local).toBe(1))
    await index.whenSettled()
    expect(index.get(id)?.headName).toBe('다른탭')
    // Nothing re-persisted by this tab: the other tab already stored it.
    expect((await getDb().updates.toArray()).length).toBe(1)
    await createVisit(id, { contact: 'met' })
    expect((await getCaseFile(id))?.intake.sourceDetail).toBe('다른 탭에서')
  })

  it('names the documents a feed page packed instead of copying their bytes, and a tab with one open reads it from the rows', async () => {
    const seen: BroadcastMessage[] = []
    const listener = new BroadcastChannel(CHANNEL_NAME)
    listener.onmessage = (e: MessageEvent<BroadcastMessage>) => seen.push(e.data)
    const remote = new Y.Doc()
    remote.getMap('meta').set('id', 'from-relay')
    const name = `report/${crypto.randomUUID()}`
    // This tab shows the document before any of it is here (an empty doc).
    const doc = await openDoc(name)
    expect(doc.getMap('meta').get('id')).toBeUndefined()

    // The sync (in this tab) stores a page with it: other tabs hear its name, not its bytes.
    await (await createDexieSyncStore().applyFeedPage!([{ name, update: Y.encodeStateAsUpdate(remote) }], 3)).stored
    await vi.waitFor(() => expect(seen.some((m) => m.type === 'stored')).toBe(true))
    listener.close()
    expect(seen).toEqual([{ type: 'stored', names: [name] }])
    // This tab applied the page itself.
    expect(doc.getMap('meta').get('id')).toBe('from-relay')

    // Another tab stored one for a document this tab has open: read from the pack.
    const other = `report/${crypto.randomUUID()}`
    const mine = await openDoc(other)
    const theirs = new Y.Doc()
    theirs.getMap('meta').set('id', 'other-tab')
    const db = getDb()
    await db.packs.add({ docNames: [other], parts: await encodeMany(db.key, other, [Y.encodeStateAsUpdate(theirs)]), createdAt: new Date().toISOString() })
    const channel = new BroadcastChannel(CHANNEL_NAME)
    channel.postMessage({ type: 'stored', names: [other] } satisfies BroadcastMessage)
    channel.close()
    await vi.waitFor(() => expect(mine.getMap('meta').get('id')).toBe('other-tab'))
  })
})
