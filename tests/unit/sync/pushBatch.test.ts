import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildPushBatch } from '../../../src/sync/pushBatch'
import type { PendingUpdate } from '../../../src/sync/syncStore'

const A = 'case/00000000-0000-4000-8000-00000000000a'
const B = 'case/00000000-0000-4000-8000-00000000000b'

function rowsFor(name: string, firstId: number, edits: ((d: Y.Doc) => void)[]): { rows: PendingUpdate[]; doc: Y.Doc } {
  const doc = new Y.Doc()
  const rows: PendingUpdate[] = []
  let id = firstId
  doc.on('update', (u: Uint8Array) => rows.push({ localId: id++, name, update: u }))
  for (const e of edits) doc.transact(() => e(doc))
  return { rows, doc }
}

describe('buildPushBatch', () => {
  it('merges rows of one document into one item that stands for all their localIds', () => {
    const a = rowsFor(A, 1, [(d) => d.getMap('m').set('x', 1), (d) => d.getText('t').insert(0, '안녕'), (d) => d.getMap('m').set('y', 2)])
    const b = rowsFor(B, 10, [(d) => d.getMap('m').set('z', 3)])
    const pending = [a.rows[0]!, b.rows[0]!, a.rows[1]!, a.rows[2]!]
    const batch = buildPushBatch(pending, { maxRows: 100, maxBytes: 1 << 20 })
    expect(batch.items.map((i) => i.name)).toEqual([A, B])
    expect(batch.rows.get(1)).toEqual([1, 2, 3])
    expect(batch.rows.get(10)).toEqual([10])
    const replica = new Y.Doc()
    Y.applyUpdate(replica, batch.items[0]!.update)
    expect(replica.getMap('m').toJSON()).toEqual({ x: 1, y: 2 })
    expect(replica.getText('t').toString()).toBe('안녕')
    expect(Y.encodeStateVector(replica)).toEqual(Y.encodeStateVector(a.doc))
  })

  it('respects the row and byte limits, always taking at least one row', () => {
    const a = rowsFor(A, 1, Array.from({ length: 5 }, (_, i) => (d: Y.Doc) => d.getText('t').insert(0, 'x'.repeat(100 + i))))
    expect(buildPushBatch(a.rows, { maxRows: 2, maxBytes: 1 << 20 }).rows.get(1)).toEqual([1, 2])
    const tiny = buildPushBatch(a.rows, { maxRows: 100, maxBytes: 10 })
    expect(tiny.items).toHaveLength(1)
    expect(tiny.rows.get(1)).toEqual([1])
  })

  it('sends a corrupt row on its own instead of failing the batch', () => {
    const a = rowsFor(A, 1, [(d) => d.getMap('m').set('x', 1)])
    const bad: PendingUpdate = { localId: 2, name: A, update: new Uint8Array([255, 255, 255]) }
    const batch = buildPushBatch([a.rows[0]!, bad], { maxRows: 10, maxBytes: 1 << 20 })
    expect(batch.items).toHaveLength(2)
    expect(batch.rows.get(2)).toEqual([2])
  })
})
