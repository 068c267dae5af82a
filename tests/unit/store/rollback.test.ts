// An update the relay refused for its content is rolled back on the device: the document becomes what
// the relay holds plus the later changes that do not need the refused one; what was taken out is kept,
// sealed, as text with the relay's reason.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  addMember, closeStore, countUnsynced, createCase, createDexieSyncStore, createVisit, getCaseFile, openStore, setText,
} from '../../../src/store'
import { caseDocName, readCaseFile } from '../../../src/store/caseDoc'
import { caseFileSource } from '../../../src/store/caseFileSource'
import { getDb } from '../../../src/store/db'
import { decodeMany } from '../../../src/store/docCodec'
import { holdDoc, openDocIfLoaded, readRows, whenAllWritten } from '../../../src/store/docStore'
import { listRejected } from '../../../src/store/hooks'
import { readCaseRow } from '../../../src/store/projection'
import { listRefusedEdits } from '../../../src/store/refusedEdits'
import { rollBackRefused } from '../../../src/store/rollback'
import type { SyncStore } from '../../../src/sync/syncStore'
import { TEST_STORE_KEY } from '../../support/storeKey'
import { caseInput, reopen, useFreshStore } from './helpers'

useFreshStore()

const REASON = '형식이 올바르지 않은 내용이 있어 저장하지 않았습니다.'

async function ackAll(sync: SyncStore): Promise<void> {
  await whenAllWritten()
  await sync.markAcked((await sync.pendingUpdates(1000)).map((p) => p.localId))
}

/** The local ids of rows written since `after`, oldest first. */
async function newRows(sync: SyncStore, after = 0): Promise<number[]> {
  await whenAllWritten()
  return (await sync.pendingUpdates(1000)).map((p) => p.localId).filter((id) => id > after)
}

async function storedUpdates(name: string): Promise<Uint8Array[]> {
  const db = getDb()
  return decodeMany(db.key, name, (await readRows(db, name)).map((r) => r.bytes))
}

function docOf(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  for (const u of updates) Y.applyUpdate(doc, u)
  return doc
}

function newCase(presentingProblem = '난방비 체납') {
  return createCase(
    caseInput({
      members: [{ name: '김하늘', birthDate: '1950-03-02', isHead: true }],
      intake: { date: '2026-11-01', source: 'dongCenter', presentingProblem },
    }),
  )
}

describe('rollback of a refused update', () => {
  it('leaves the relay state plus a later independent update, which stays queued', async () => {
    const id = await newCase()
    const name = caseDocName(id)
    await ackAll(createDexieSyncStore())
    const acked = await storedUpdates(name)

    await setText(id, ['intake', 'presentingProblem'], '난방비 체납 · 거부될 메모')
    const [refused] = await newRows(createDexieSyncStore())
    // A later session on the device (another Yjs client) adds a visit: it needs nothing of the refused text.
    await reopen()
    const sync = createDexieSyncStore()
    await createVisit(id, { contact: 'met', observations: '전기요금 고지서 세 장 확인' })
    const [independent] = await newRows(sync, refused)
    const independentUpdate = (await sync.pendingUpdates(10)).find((p) => p.localId === independent)?.update as Uint8Array

    // A screen shows the case file while the refusal comes in.
    const source = caseFileSource(id)
    const seen: (string | undefined)[] = []
    const stop = source.subscribe(() => seen.push(source.getSnapshot()?.intake.presentingProblem))
    await expect.poll(() => source.getSnapshot()?.intake.presentingProblem).toBe('난방비 체납 · 거부될 메모')
    const shown = openDocIfLoaded(name)

    await sync.markRejected([refused as number], 'bad-update', REASON)

    const expected = readCaseFile(docOf([...acked, independentUpdate]))
    const now = await getCaseFile(id)
    expect(now).toEqual(expected)
    expect(now?.intake.presentingProblem).toBe('난방비 체납')
    expect(now?.visits.map((v) => v.observations)).toEqual(['전기요금 고지서 세 장 확인'])
    expect(readCaseFile(docOf(await storedUpdates(name)))).toEqual(expected)
    // The doc in memory was replaced, and the screen followed it.
    expect(openDocIfLoaded(name)).not.toBe(shown)
    await expect.poll(() => source.getSnapshot()?.intake.presentingProblem).toBe('난방비 체납')
    expect(seen).toContain('난방비 체납')
    stop()

    expect((await sync.pendingUpdates(10)).map((p) => p.localId)).toEqual([independent])
    expect(await getDb().updates.get(refused as number)).toBeUndefined()
    expect(await countUnsynced()).toBe(1)
    expect(await listRejected()).toEqual([])

    const [kept, ...more] = await listRefusedEdits()
    expect(more).toEqual([])
    expect(kept).toMatchObject({ name, caseId: id, headName: '김하늘', code: 'bad-update', reason: REASON })
    expect(kept?.text).toContain('난방비 체납 · 거부될 메모')
    expect(kept?.text).not.toContain('전기요금')
  })

  it('drops a later update that edits the refused text, and keeps its text too', async () => {
    const id = await newCase()
    const name = caseDocName(id)
    await ackAll(createDexieSyncStore())
    const acked = await storedUpdates(name)
    await setText(id, ['intake', 'presentingProblem'], '난방비 체납 · 거부될 메모')
    const [refused] = await newRows(createDexieSyncStore())
    await reopen()
    const sync = createDexieSyncStore()
    // Inserted right after the refused text: Yjs cannot place it without that text.
    await setText(id, ['intake', 'presentingProblem'], '난방비 체납 · 거부될 메모 · 이어 쓴 내용')
    const [dependent] = await newRows(sync, refused)
    expect(dependent).toBeGreaterThan(refused as number)

    await sync.markRejected([refused as number], 'bad-update', REASON)

    expect(await getCaseFile(id)).toEqual(readCaseFile(docOf(acked)))
    expect(await sync.pendingUpdates(10)).toEqual([])
    expect(await getDb().updates.get(dependent as number)).toBeUndefined()
    expect(await countUnsynced()).toBe(0)
    const [kept] = await listRefusedEdits()
    expect(kept?.text).toContain('이어 쓴 내용')
    expect(kept?.reason).toBe(REASON)
  })

  it('updates the list row, and a case the refused update created leaves the device', async () => {
    const id = await newCase()
    const sync = createDexieSyncStore()
    await ackAll(sync)
    await addMember(id, { name: '거부된가구원', birthDate: '1980-01-01' })
    expect((await readCaseRow(id))?.summary.memberNames).toContain('거부된가구원')
    await sync.markRejected(await newRows(sync), 'too-large', '변경 내용이 너무 커서 저장하지 않았습니다.')
    expect((await readCaseRow(id))?.summary.memberNames).toEqual(['김하늘'])

    const created = await newCase('새로 만든 사례의 내용')
    await sync.markRejected(await newRows(sync), 'bad-update', REASON)
    expect(await getCaseFile(created)).toBeUndefined()
    expect(await readCaseRow(created)).toBeUndefined()
    expect(await getDb().docs.get(caseDocName(created))).toBeUndefined()
    const kept = (await listRefusedEdits()).find((e) => e.caseId === created)
    expect(kept?.text).toContain('새로 만든 사례의 내용')
    expect(kept?.text).toContain('가구주: 김하늘')
  })

  it('leaves refusals about who may write alone', async () => {
    const id = await newCase()
    const sync = createDexieSyncStore()
    await ackAll(sync)
    await setText(id, ['intake', 'presentingProblem'], '권한 없는 변경')
    const rows = await newRows(sync)
    await sync.markRejected(rows, 'forbidden', '이 문서에 접근할 권한이 없습니다.')
    expect((await getCaseFile(id))?.intake.presentingProblem).toBe('권한 없는 변경')
    expect(await getDb().updates.get(rows[0] as number)).toMatchObject({ rejectedCode: 'forbidden' })
    expect(await listRefusedEdits()).toEqual([])
  })

  it('masks a full 주민등록번호 in the kept text', async () => {
    const id = await newCase()
    const sync = createDexieSyncStore()
    await ackAll(sync)
    const doc = (await holdDoc(caseDocName(id))).doc
    // As a merge with another device's edit would put it together (a command refuses it whole).
    ;(doc.getMap('intake').get('presentingProblem') as Y.Text).insert(0, '900101-1234568 ')
    await sync.markRejected(await newRows(sync), 'bad-update', '주민등록번호 전체가 들어 있어 저장하지 않았습니다.')
    const [kept] = await listRefusedEdits()
    expect(kept?.text).toContain('900101-1****** 난방비 체납')
    expect(kept?.text).not.toContain('1234568')
    expect((await getCaseFile(id))?.intake.presentingProblem).toBe('난방비 체납')
  })

  it('carries over what is typed meanwhile when it stands alone, and keeps the text of what does not', async () => {
    const id = await newCase()
    const name = caseDocName(id)
    await createVisit(id, { contact: 'met', observations: '첫 방문' })
    await ackAll(createDexieSyncStore())
    await setText(id, ['intake', 'presentingProblem'], '난방비 체납 · 거부될 메모')
    const [refused] = await newRows(createDexieSyncStore())
    await reopen()
    const db = getDb()
    await db.updates.update(refused as number, { rejectedCode: 'bad-update', rejectedMessage: REASON })
    const { doc } = await holdDoc(name)
    const visit = [...(doc.getMap('visits').values() as Iterable<Y.Map<unknown>>)][0] as Y.Map<unknown>
    const problem = doc.getMap('intake').get('presentingProblem') as Y.Text

    const rolling = rollBackRefused(db, [name])
    // Typed before the rollback's turn in the write chain comes: queued, not yet stored.
    ;(visit.get('observations') as Y.Text).insert(0, '추가 관찰 ')
    problem.insert(problem.length, ' · 덧붙임')
    expect(await rolling).toEqual([name])
    await whenAllWritten()

    const now = await getCaseFile(id)
    expect(now?.intake.presentingProblem).toBe('난방비 체납')
    expect(now?.visits[0]?.observations).toBe('추가 관찰 첫 방문')
    expect(readCaseFile(docOf(await storedUpdates(name)))).toEqual(now)
    expect(await createDexieSyncStore().pendingUpdates(10)).toHaveLength(1)
    const [kept] = await listRefusedEdits()
    expect(kept?.text).toBe('접수 2026.11.01 주요 문제: 난방비 체납 · 거부될 메모 · 덧붙임')
  })

  it('rebuilds the doc another tab holds open once told of a rollback there', async () => {
    const id = await newCase()
    const name = caseDocName(id)
    const sync = createDexieSyncStore()
    await ackAll(sync)
    await setText(id, ['intake', 'presentingProblem'], '난방비 체납 · 다른 탭에서 되돌릴 메모')
    const rows = await newRows(sync)
    const shown = openDocIfLoaded(name)
    // What the tab that ran the rollback left in the database.
    await getDb().updates.bulkDelete(rows)
    const otherTab = new BroadcastChannel('doum-rollback')
    try {
      otherTab.postMessage({ db: getDb().name, docs: [{ name, code: 'bad-update', reason: REASON }] })
      await expect.poll(() => openDocIfLoaded(name) !== shown).toBe(true)
    } finally {
      otherTab.close()
    }
    expect((await getCaseFile(id))?.intake.presentingProblem).toBe('난방비 체납')
  })

  it('fails with StoreLockedError after a lock, touching neither store', async () => {
    const id = await newCase()
    const name = caseDocName(id)
    const sync = createDexieSyncStore()
    const db = getDb()
    const rows = await newRows(sync)
    await db.updates.update(rows[0] as number, { rejectedCode: 'bad-update', rejectedMessage: REASON })
    closeStore()
    const other = `test-other-${crypto.randomUUID()}`
    openStore(other, TEST_STORE_KEY)
    try {
      await expect(rollBackRefused(db, [name])).rejects.toMatchObject({ name: 'StoreLockedError' })
      await expect(sync.markRejected(rows, 'bad-update', REASON)).rejects.toMatchObject({ name: 'StoreLockedError' })
      expect(await getDb().updates.count()).toBe(0)
      expect(await listRefusedEdits()).toEqual([])
    } finally {
      closeStore()
      await Dexie.delete(other)
      await reopen()
    }
    expect(await getDb().updates.count()).toBe(1)
  })
})
