// What IndexedDB holds is ciphertext: no name, phone, address or note in any row, key or index, and
// deleted text does not survive compaction. The rows are read raw, as someone with the disk would.
import 'fake-indexeddb/auto'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createCase, setText, getCaseFile, createVisit } from '../../../src/store'
import { getDb } from '../../../src/store/db'
import { caseDocName } from '../../../src/store/caseDoc'
import { createDexieSyncStore } from '../../../src/store/syncAdapter'
import { decodeFromStorage } from '../../../src/store/docCodec'
import { maybeCompact, readRows, whenAllWritten } from '../../../src/store/docStore'
import { saveDraft, whenDraftsSaved } from '../../../src/store/drafts'
import { setSession } from '../../../src/store/storageMeta'
import { caseInput, reopen, useFreshStore } from './helpers'

useFreshStore()

const SECRETS = ['한비밀', '010-5550-1234', '01055501234', '비밀로 72길', '알코올 의존 치료 중단', 'tok-3f9a-secret']

/** Every value of every table, serialised with byte arrays as text, as a disk reader would see them. */
async function everythingOnDisk(): Promise<string> {
  const db = getDb()
  const parts: string[] = []
  const decoder = new TextDecoder('utf-8', { fatal: false })
  const visit = (v: unknown): void => {
    if (v instanceof Uint8Array) parts.push(decoder.decode(v))
    else if (Array.isArray(v)) v.forEach(visit)
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        parts.push(k)
        visit(x)
      }
    }
    else parts.push(String(v))
  }
  for (const table of db.tables) {
    visit(await table.toArray())
    visit(await table.toCollection().primaryKeys())
  }
  return parts.join('\n')
}

describe('at rest on the device', () => {
  it('stores no name, phone, address, note, draft or token in plaintext', async () => {
    const id = await createCase(
      caseInput({
        household: { targetType: 'basic', address: '서울특별시 비밀로 72길 3', phone: '010-5550-1234' },
        members: [{ name: '한비밀', phone: '010-5550-1234', isHead: true }],
      }),
    )
    const visitId = await createVisit(id, { contact: 'met' })
    await setText(id, ['visits', visitId, 'observations'], '알코올 의존 치료 중단 상태 확인')
    saveDraft('household.new', { address: '비밀로 72길', name: '한비밀' })
    await setSession({ token: 'tok-3f9a-secret', user: { username: 'dong.worker' } })
    await whenDraftsSaved()
    await whenAllWritten()
    const disk = await everythingOnDisk()
    for (const s of SECRETS) expect(disk).not.toContain(s)
    // …and it all reads back through the key.
    expect((await getCaseFile(id))?.members[0]?.name).toBe('한비밀')
  })

  it('binds each row to its document: a row moved to another document does not open', async () => {
    const a = await createCase(caseInput())
    await whenAllWritten()
    const [row] = await readRows(getDb(), caseDocName(a))
    if (!row) throw new Error('no row')
    await expect(decodeFromStorage(getDb().key, caseDocName(a), row.bytes)).resolves.toBeInstanceOf(Uint8Array)
    await expect(decodeFromStorage(getDb().key, caseDocName(crypto.randomUUID()), row.bytes)).rejects.toThrow()
  })

  it('drops deleted text from the compacted snapshot, and keeps the rest', async () => {
    const id = await createCase(caseInput())
    const name = caseDocName(id)
    const visitId = await createVisit(id, { contact: 'met' })
    await setText(id, ['visits', visitId, 'observations'], '엉뚱한사람기록 그리고 남길 기록')
    await setText(id, ['visits', visitId, 'observations'], '남길 기록')
    await whenAllWritten()
    const sync = createDexieSyncStore()
    await sync.markAcked((await sync.pendingUpdates(1000)).map((p) => p.localId))
    expect(await maybeCompact(name, 2)).toBe(true)
    const rows = await readRows(getDb(), name)
    expect(rows).toHaveLength(1)
    const snapshot = await decodeFromStorage(getDb().key, name, (rows[0] as { bytes: Uint8Array }).bytes)
    expect(new TextDecoder().decode(snapshot)).not.toContain('엉뚱한사람기록')
    const doc = new Y.Doc()
    Y.applyUpdate(doc, snapshot)
    await reopen()
    expect((await getCaseFile(id))?.visits[0]?.observations).toBe('남길 기록')
  })
})
