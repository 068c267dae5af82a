// A document larger than a feed page's byte budget is sent as several Yjs updates; their merge, applied
// in any order, must be the whole document.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { splitUpdate } from '../../../sync-server/feedPieces'

function bigDoc(): Y.Doc {
  const a = new Y.Doc()
  const t = a.getText('note')
  for (let i = 0; i < 60; i++) t.insert(t.length, '가나다라마바사아자차카타파하'.repeat(100) + i)
  t.delete(10, 3000)
  const other = new Y.Doc()
  other.getMap('m').set('x', 'y')
  other.getText('note').insert(0, '다른 기기')
  Y.applyUpdate(a, Y.encodeStateAsUpdate(other))
  t.insert(3, '😀'.repeat(5000))
  return a
}

describe('splitUpdate', () => {
  it('returns a small update unchanged', () => {
    const u = Y.encodeStateAsUpdate(new Y.Doc())
    expect(splitUpdate(u, 1024)).toEqual([u])
  })

  for (const [label, encode] of [
    ['a garbage-collected snapshot (one long string item)', (d: Y.Doc) => {
      const gc = new Y.Doc()
      Y.applyUpdate(gc, Y.encodeStateAsUpdate(d))
      return Y.encodeStateAsUpdate(gc)
    }],
    ['a merged log', (d: Y.Doc) => Y.mergeUpdates([Y.encodeStateAsUpdate(d)])],
  ] as const) {
    it(`cuts ${label} into pieces within the budget whose merge is the document`, () => {
      const doc = bigDoc()
      const update = encode(doc)
      const budget = 16 * 1024
      const pieces = splitUpdate(update, budget)
      expect(pieces.length).toBeGreaterThan(update.byteLength / budget)
      for (const p of pieces) expect(p.byteLength).toBeLessThanOrEqual(budget)
      for (const order of [pieces, [...pieces].reverse()]) {
        const c = new Y.Doc()
        for (const p of order) Y.applyUpdate(c, p)
        expect(c.getText('note').toString()).toBe(doc.getText('note').toString())
        expect(c.getMap('m').get('x')).toBe('y')
      }
      expect(Y.encodeStateVectorFromUpdate(Y.mergeUpdates(pieces))).toEqual(Y.encodeStateVectorFromUpdate(update))
    })
  }
})
