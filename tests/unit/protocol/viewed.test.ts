import { describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import {
  MAX_VIEWED_ITEMS, MsgType, PROTOCOL_VERSION, ProtocolError, VIEWED_PROTOCOL_VERSION, WIPE_PROTOCOL_VERSION, decodeMessage, encodeMessage,
} from '../../../src/sync/protocol'
import type { Viewed } from '../../../src/sync/protocol'

const NAME = 'case/0b0f3d3c-5a0e-4c55-9d1e-2a7f8f1f6c11'
const AT = Date.UTC(2026, 2, 3, 1, 2, 3, 456)

function rawViewed(items: { name: string; at: number }[], count = items.length): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MsgType.Viewed)
  encoding.writeVarUint(e, count)
  for (const it of items) {
    encoding.writeVarString(e, it.name)
    encoding.writeVarUint(e, it.at)
  }
  return encoding.toUint8Array(e)
}

describe('Viewed (device → relay, protocol 4)', () => {
  it('round-trips, empty and with millisecond times', () => {
    const m: Viewed = { type: MsgType.Viewed, items: [{ name: NAME, at: AT }, { name: NAME, at: AT + 1 }] }
    expect(decodeMessage(encodeMessage(m))).toEqual(m)
    expect(decodeMessage(encodeMessage({ type: MsgType.Viewed, items: [] }))).toEqual({ type: MsgType.Viewed, items: [] })
  })

  it('is new in version 4, after Wipe: a device sends it only to a relay that said 4 or more in Welcome', () => {
    expect(VIEWED_PROTOCOL_VERSION).toBe(4)
    expect(PROTOCOL_VERSION).toBeGreaterThanOrEqual(VIEWED_PROTOCOL_VERSION)
    expect(VIEWED_PROTOCOL_VERSION).toBeGreaterThan(WIPE_PROTOCOL_VERSION)
  })

  it('a version-3 Hello is laid out as before, so a relay still reads old devices', () => {
    const v3 = encodeMessage({ type: MsgType.Hello, protocolVersion: 3, token: 't', deviceId: 'd', cursor: 5, relayEpoch: 9, seenSeq: 7 })
    const v4 = encodeMessage({ type: MsgType.Hello, protocolVersion: 4, token: 't', deviceId: 'd', cursor: 5, relayEpoch: 9, seenSeq: 7 })
    expect(v3.length).toBe(v4.length)
    expect(decodeMessage(v3)).toMatchObject({ protocolVersion: 3, cursor: 5 })
  })

  it('refuses truncation, trailing bytes, a bad document name and too many items', () => {
    const full = encodeMessage({ type: MsgType.Viewed, items: [{ name: NAME, at: AT }] })
    for (let cut = 0; cut < full.length; cut++) expect(() => decodeMessage(full.subarray(0, cut))).toThrow(ProtocolError)
    expect(() => decodeMessage(new Uint8Array([...full, 0]))).toThrow(/trailing/)
    expect(() => decodeMessage(rawViewed([{ name: 'case/../../etc/passwd', at: AT }]))).toThrow(/document name/)
    expect(() => decodeMessage(rawViewed([], MAX_VIEWED_ITEMS + 1))).toThrow(/too many/)
  })
})
