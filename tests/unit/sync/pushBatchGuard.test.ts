// Guard tests for buildPushBatch's limits (mutation survivors of src/sync/pushBatch.ts): the byte limit
// of a batch is inclusive, and rows of one document are merged only while the merged update stays within
// what the relay takes for one update (MAX_UPDATE_BYTES, refused as too large above it).
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MAX_UPDATE_BYTES } from '../../../src/sync/protocol'
import { buildPushBatch } from '../../../src/sync/pushBatch'
import type { PendingUpdate } from '../../../src/sync/syncStore'

const A = 'case/00000000-0000-4000-8000-0000000000b1'
const B = 'case/00000000-0000-4000-8000-0000000000b2'
const NO_LIMIT = { maxRows: 100, maxBytes: 64 * 1024 * 1024 }

/** Two outbox rows of one document: a text of `first` characters, then `second` more appended. */
function twoEdits(first: number, second: number): PendingUpdate[] {
  const doc = new Y.Doc()
  const rows: PendingUpdate[] = []
  doc.on('update', (u: Uint8Array) => rows.push({ localId: rows.length + 1, name: A, update: u }))
  doc.getText('t').insert(0, 'a'.repeat(first))
  doc.getText('t').insert(first, 'b'.repeat(second))
  doc.destroy()
  return rows
}

const mergedSize = (rows: PendingUpdate[]): number => Y.mergeUpdates(rows.map((r) => r.update)).byteLength

/** Two rows whose merged update is exactly `target` bytes (the appended text is sized to hit it). */
function rowsMergingTo(target: number): PendingUpdate[] {
  const first = 2_000_000
  let second = target - first
  for (let i = 0; i < 5; i++) {
    const rows = twoEdits(first, second)
    const size = mergedSize(rows)
    if (size === target) return rows
    second += target - size
  }
  throw new Error(`could not size two rows to merge into ${target} bytes`)
}

describe('buildPushBatch limits', () => {
  it('takes rows up to exactly maxBytes, and no row beyond it', () => {
    const doc = new Y.Doc()
    const rows: PendingUpdate[] = []
    doc.on('update', (u: Uint8Array) => rows.push({ localId: rows.length + 1, name: rows.length ? B : A, update: u }))
    doc.getText('t').insert(0, '가정방문')
    doc.getMap('m').set('level', 'intensive')
    const exact = rows[0]!.update.byteLength + rows[1]!.update.byteLength
    const full = buildPushBatch(rows, { maxRows: 10, maxBytes: exact })
    expect([...full.rows.values()].flat().sort()).toEqual([1, 2])
    const short = buildPushBatch(rows, { maxRows: 10, maxBytes: exact - 1 })
    expect([...short.rows.values()].flat()).toEqual([1])
  })

  it('sends rows one by one when merging them would exceed the per-update limit of the relay', () => {
    const half = Math.ceil(MAX_UPDATE_BYTES / 2) + 1000
    const rows = twoEdits(half, half)
    expect(rows).toHaveLength(2)
    expect(rows.every((r) => r.update.byteLength < MAX_UPDATE_BYTES)).toBe(true)
    expect(mergedSize(rows)).toBeGreaterThan(MAX_UPDATE_BYTES)
    const batch = buildPushBatch(rows, NO_LIMIT)
    expect(batch.items.map((i) => i.localId)).toEqual([1, 2])
    // The rows' own bytes, not a merge.
    expect(batch.items[0]!.update).toBe(rows[0]!.update)
    expect(batch.items[1]!.update).toBe(rows[1]!.update)
    expect(batch.rows).toEqual(new Map([[1, [1]], [2, [2]]]))
  })

  it('merges rows into an update of exactly the per-update limit, and not one byte more', () => {
    const atLimit = rowsMergingTo(MAX_UPDATE_BYTES)
    const merged = buildPushBatch(atLimit, NO_LIMIT)
    expect(merged.items).toHaveLength(1)
    expect(merged.items[0]!.update.byteLength).toBe(MAX_UPDATE_BYTES)
    expect(merged.rows).toEqual(new Map([[1, [1, 2]]]))

    const overLimit = rowsMergingTo(MAX_UPDATE_BYTES + 1)
    const split = buildPushBatch(overLimit, NO_LIMIT)
    expect(split.items).toHaveLength(2)
    expect(split.rows).toEqual(new Map([[1, [1]], [2, [2]]]))
  })
})
