// Packs (src/store/packs.ts): a feed page's documents new to the device are stored as one record. They
// read as acknowledged rows everywhere (open, list, statistics, held names), take local edits, and leave
// their pack on compaction (deleted text gone), removal, or a rollback that keeps the relay's state.
import 'fake-indexeddb/auto'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createDexieSyncStore, getCaseFile, loadAllCaseFiles, setText } from '../../../src/store'
import { caseDocName, writeNewCase } from '../../../src/store/caseDoc'
import { getDb } from '../../../src/store/db'
import { syntheticCase } from '../../../src/store/demo'
import { decodeMany } from '../../../src/store/docCodec'
import { docStateVector, maybeCompact, readRows, removeDocuments } from '../../../src/store/docStore'
import { heldNamesOfKind } from '../../../src/store/packs'
import { reportSendStates } from '../../../src/store/volunteerProfile'
import { ErrorCode } from '../../../src/sync/protocol'
import type { RemoteUpdate } from '../../../src/sync/syncStore'
import type { CaseFile } from '../../../src/domain'
import { seededRandom } from '../../support/random'
import { reopen, useFreshStore } from './helpers'

const rand = seededRandom(11)
const MARK = '지워야할문장-7f3a'

function remoteCase(problem?: string): { cf: CaseFile; item: RemoteUpdate } {
  const cf = syntheticCase(rand, '2026-11-20')
  if (problem) cf.intake.presentingProblem = problem
  const doc = new Y.Doc()
  writeNewCase(doc, cf)
  const item = { name: caseDocName(cf.meta.id), update: Y.encodeStateAsUpdate(doc) }
  doc.destroy()
  return { cf, item }
}

const headOf = (cf: CaseFile) => (cf.members.find((m) => m.isHead) ?? cf.members[0])?.name

async function plainOf(name: string): Promise<string> {
  const db = getDb()
  const bytes = await decodeMany(db.key, name, (await readRows(db, name)).map((r) => r.bytes))
  return bytes.map((b) => new TextDecoder().decode(b)).join('\n')
}

describe('packs: a feed page of new documents as one record', () => {
  useFreshStore()

  it('stores a first-sync page as one pack, no row per document, and every case opens from it', async () => {
    const cases = [remoteCase(), remoteCase(), remoteCase(), remoteCase()]
    const sync = createDexieSyncStore()
    await (await sync.applyFeedPage!(cases.map((c) => c.item), 4)).stored
    const db = getDb()
    expect(await db.packs.count()).toBe(1)
    expect(await db.updates.count()).toBe(0)
    expect(await db.docs.count()).toBe(0)
    expect((await sync.heldDocNames()).sort()).toEqual(cases.map((c) => c.item.name).sort())
    expect((await heldNamesOfKind(db, 'case')).length).toBe(4)
    await reopen()
    for (const { cf } of cases) expect(headOf((await getCaseFile(cf.meta.id))!)).toBe(headOf(cf))
    expect((await loadAllCaseFiles()).length).toBe(4)
    expect(await docStateVector(cases[0]!.item.name)).not.toBeNull()
  })

  it('gives a document already held rows and a doc row, and packs only the new ones of a later page', async () => {
    const a = remoteCase()
    const sync = createDexieSyncStore()
    await (await sync.applyFeedPage!([a.item], 1)).stored
    // A later page edits A (held now) and brings B (new).
    const remote = new Y.Doc()
    Y.applyUpdate(remote, a.item.update)
    const before = Y.encodeStateVector(remote)
    remote.getMap('meta').set('updatedAt', '2026-11-29T01:00:00.000Z')
    const edit = { name: a.item.name, update: Y.encodeStateAsUpdate(remote, before) }
    remote.destroy()
    const b = remoteCase()
    await (await sync.applyFeedPage!([edit, b.item], 2, 1)).stored
    const db = getDb()
    expect(await db.packs.count()).toBe(2)
    expect((await db.packs.toArray()).map((p) => p.docNames)).toEqual([[a.item.name], [b.item.name]])
    expect(await db.updates.count()).toBe(1)
    expect((await db.docs.toCollection().primaryKeys()).map(String)).toEqual([a.item.name])
    expect(await readRows(db, a.item.name)).toHaveLength(2)
    await reopen()
    expect((await getCaseFile(a.cf.meta.id))?.meta.updatedAt).toBe('2026-11-29T01:00:00.000Z')
  })

  it('takes a local edit, and once acknowledged and compacted the part leaves its pack with the deleted text', async () => {
    const a = remoteCase(MARK)
    const b = remoteCase()
    const sync = createDexieSyncStore()
    await (await sync.applyFeedPage!([a.item, b.item], 2)).stored
    expect(await plainOf(a.item.name)).toContain(MARK)

    await setText(a.cf.meta.id, ['intake', 'presentingProblem'], '난방비 체납')
    const db = getDb()
    expect((await db.docs.get(a.item.name))?.hasPending).toBe(1)
    expect((await reportSendStates([b.item.name])).get(b.item.name)).toEqual({ pending: false, rejected: false })
    await sync.markAcked((await sync.pendingUpdates(10)).map((p) => p.localId))
    await maybeCompact(a.item.name, 2)

    const packs = await db.packs.toArray()
    expect(packs.map((p) => p.docNames)).toEqual([[b.item.name]])
    const rows = await readRows(db, a.item.name)
    expect(rows).toHaveLength(1)
    expect(rows[0]?.packId).toBeUndefined()
    expect(await plainOf(a.item.name)).not.toContain(MARK)
    await reopen()
    expect((await getCaseFile(a.cf.meta.id))?.intake.presentingProblem).toBe('난방비 체납')
    expect(headOf((await getCaseFile(b.cf.meta.id))!)).toBe(headOf(b.cf))
  })

  it('removes a packed document: its part goes, and the last one takes the pack with it', async () => {
    const [a, b] = [remoteCase(), remoteCase()]
    const sync = createDexieSyncStore()
    await (await sync.applyFeedPage!([a.item, b.item], 2)).stored
    await removeDocuments([a.item.name])
    const db = getDb()
    expect((await db.packs.toArray()).map((p) => p.docNames)).toEqual([[b.item.name]])
    expect(await getCaseFile(a.cf.meta.id)).toBeUndefined()
    await removeDocuments([b.item.name])
    expect(await db.packs.count()).toBe(0)
    expect(await sync.heldDocNames()).toEqual([])
  })

  it('rolls a refused edit of a packed document back to what the relay sent', async () => {
    const a = remoteCase()
    const sync = createDexieSyncStore()
    await (await sync.applyFeedPage!([a.item], 1)).stored
    await setText(a.cf.meta.id, ['intake', 'presentingProblem'], '보내면 거절될 내용')
    await sync.markRejected((await sync.pendingUpdates(10)).map((p) => p.localId), ErrorCode.BadUpdate, '받을 수 없는 내용입니다.')
    const db = getDb()
    expect(await db.packs.count()).toBe(1)
    expect((await readRows(db, a.item.name)).every((r) => r.acked === 1)).toBe(true)
    await reopen()
    expect((await getCaseFile(a.cf.meta.id))?.intake.presentingProblem).toBe(a.cf.intake.presentingProblem)
  })
})
