// beyondRelay: what a device holds of a document beyond the relay's copy (after a backup restore).
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { beyondRelay, EMPTY_STATE } from '../../../src/sync/beyondRelay'

const NAME = 'case/0b0f3d3c-5a0e-4c55-9d1e-2a7f8f1f6c11'
const state = (d: Y.Doc) => Y.encodeStateAsUpdate(d)

function withText(text: string): Y.Doc {
  const d = new Y.Doc()
  d.getText('observations').insert(0, text)
  return d
}

/** The relay's copy after applying what the device re-sends. */
function healed(relay: Uint8Array, extra: Uint8Array | null): Y.Doc {
  const d = new Y.Doc()
  Y.applyUpdate(d, relay)
  if (extra) Y.applyUpdate(d, extra)
  return d
}

describe('beyondRelay', () => {
  it('is null when the relay holds everything, even more than the device', () => {
    const device = withText('안부 확인')
    const relay = new Y.Doc()
    Y.applyUpdate(relay, state(device))
    relay.getText('observations').insert(0, '[다른 기기] ')
    expect(beyondRelay(NAME, state(device), state(device))).toBeNull()
    expect(beyondRelay(NAME, state(device), state(relay))).toBeNull()
  })

  it('returns the inserts the relay lacks, and only those', () => {
    const relay = withText('안부 확인.')
    const device = new Y.Doc()
    Y.applyUpdate(device, state(relay))
    device.getText('observations').insert(device.getText('observations').length, ' 보일러 수리 연계.')
    const extra = beyondRelay(NAME, state(device), state(relay))
    expect(extra).not.toBeNull()
    expect(extra!.byteLength).toBeLessThan(state(device).byteLength)
    expect(healed(state(relay), extra).getText('observations').toString()).toBe('안부 확인. 보일러 수리 연계.')
  })

  it('notices a deletion the relay lacks (same state vector, different delete set)', () => {
    const relay = withText('어르신 안부 확인')
    const device = new Y.Doc()
    Y.applyUpdate(device, state(relay))
    device.getText('observations').delete(0, 4)
    expect(Y.encodeStateVector(device)).toEqual(Y.encodeStateVector(relay)) // a deletion adds no clock
    const extra = beyondRelay(NAME, state(device), state(relay))
    expect(healed(state(relay), extra).getText('observations').toString()).toBe('안부 확인')
  })

  it('gives the whole document when the relay has none of it', () => {
    const device = withText('새 가구')
    expect(healed(EMPTY_STATE, beyondRelay(NAME, state(device), EMPTY_STATE)).getText('observations').toString()).toBe('새 가구')
  })
})
