import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createCase, createDexieSyncStore, createVisit, getCaseFile, setText } from '../../../src/store'
import { getDb } from '../../../src/store/db'
import { COMPACT_THRESHOLD, maybeCompact, readRows } from '../../../src/store/docStore'
import { caseInput, reopen, useFreshStore } from './helpers'
import { decodeFromStorage } from '../../../src/store/docCodec'

async function typeInto(id: string, visitId: string, text: string): Promise<void> {
  let value = ''
  for (const ch of text) {
    value += ch
    await setText(id, ['visits', visitId, 'observations'], value)
  }
}

describe('compaction', () => {
  useFreshStore()

  it('merges only acknowledged rows, keeps unacknowledged ones byte for byte, and keeps the state', async () => {
    const id = await createCase(caseInput())
    const name = `case/${id}`
    const visitId = await createVisit(id, { contact: 'met' })
    await typeInto(id, visitId, '가'.repeat(COMPACT_THRESHOLD + 10))
    const sync = createDexieSyncStore()
    const pending = await sync.pendingUpdates(1000)
    expect(pending.length).toBe(COMPACT_THRESHOLD + 12)
    // The relay acknowledged the first 55; the last 7 are still in flight.
    const ackedIds = pending.slice(0, 55).map((p) => p.localId)
    await sync.markAcked(ackedIds)
    await maybeCompact(name) // markAcked may already have compacted; either way the result is the same
    const rows = await readRows(getDb(), name)
    const acked = rows.filter((r) => r.acked === 1)
    const unacked = rows.filter((r) => r.acked === 0)
    expect(acked.length).toBe(1)
    expect(acked[0]?.localId).toBe(ackedIds[0])
    expect(unacked.map((r) => r.localId)).toEqual(pending.slice(55).map((p) => p.localId))
    expect(await Promise.all(unacked.map(async (r) => Array.from(await decodeFromStorage(getDb().key, name, r.bytes))))).toEqual(pending.slice(55).map((p) => Array.from(p.update)))
    const before = await getCaseFile(id)
    await reopen()
    const after = await getCaseFile(id)
    expect(after).toEqual(before)
    expect(after?.visits[0]?.observations).toBe('가'.repeat(COMPACT_THRESHOLD + 10))
  })

  it('never compacts when rows are not acknowledged, however many there are', async () => {
    const id = await createCase(caseInput())
    const visitId = await createVisit(id, { contact: 'met' })
    await typeInto(id, visitId, '나'.repeat(COMPACT_THRESHOLD + 5))
    expect(await maybeCompact(`case/${id}`, 2)).toBe(false)
    const rows = await readRows(getDb(), `case/${id}`)
    expect(rows.length).toBe(COMPACT_THRESHOLD + 7)
  })

  it('compacts relay rows applied through the sync store past the threshold', async () => {
    const id = await createCase(caseInput())
    const name = `case/${id}`
    const sync = createDexieSyncStore()
    await sync.markAcked((await sync.pendingUpdates(10)).map((p) => p.localId))
    const visitId = await createVisit(id, { contact: 'met' })
    await typeInto(id, visitId, '다'.repeat(COMPACT_THRESHOLD))
    await sync.markAcked((await sync.pendingUpdates(1000)).map((p) => p.localId))
    const rows = await readRows(getDb(), name)
    expect(rows.length).toBe(1)
    expect(rows[0]?.acked).toBe(1)
    expect((await getCaseFile(id))?.visits[0]?.observations).toBe('다'.repeat(COMPACT_THRESHOLD))
  })
})
