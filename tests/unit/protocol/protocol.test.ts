import { describe, expect, it } from 'vitest'
import {
  decodeMessage,
  docKind,
  encodeMessage,
  isDocName,
  MsgType,
  PROTOCOL_VERSION,
  ProtocolError,
  WIPE_PROTOCOL_VERSION,
  type Message,
} from '../../../src/sync/protocol'

const bytes = (...n: number[]) => new Uint8Array(n)
const NAME = 'case/0b0f3d3c-5a0e-4c55-9d1e-2a7f8f1f6c11'

const samples: Message[] = [
  { type: MsgType.Hello, protocolVersion: 1, token: 't0k', deviceId: 'dev-1', cursor: 123456 },
  {
    type: MsgType.Welcome,
    protocolVersion: 1,
    user: { id: 'u1', username: 'dong.worker', role: 'worker', team: 'dong-sinchon' },
    headSeq: 99,
    feedTotal: 2000,
  },
  // Version 2 adds the relay mark to Hello and the epoch and resync flag to Welcome.
  { type: MsgType.Hello, protocolVersion: 2, token: 't0k', deviceId: 'dev-1', cursor: 77, relayEpoch: 2 ** 47 + 5, seenSeq: 80 },
  {
    type: MsgType.Welcome,
    protocolVersion: 2,
    user: { id: 'u1', username: 'dong.worker', role: 'worker', team: 'dong-sinchon' },
    headSeq: 70,
    feedTotal: 12,
    epoch: 123_456_789_012,
    resync: true,
  },
  { type: MsgType.Error, code: 'version', message: '앱을 업데이트해 주세요', fatal: true },
  { type: MsgType.Docs, items: [{ name: NAME, update: bytes(1, 2, 3) }], cursor: 42 },
  { type: MsgType.FeedDone, cursor: 43 },
  { type: MsgType.Push, batchId: 7, items: [{ localId: 5, name: NAME, update: bytes(9) }] },
  {
    type: MsgType.Ack,
    batchId: 7,
    results: [
      { localId: 5, ok: true, seq: 44 },
      { localId: 6, ok: false, code: 'forbidden', message: '권한이 없습니다' },
    ],
  },
  { type: MsgType.Live, name: NAME, update: bytes(4, 5), seq: 45 },
  { type: MsgType.SvSync, requestId: 3, items: [{ name: NAME, sv: bytes(0) }] },
  { type: MsgType.Diff, requestId: 3, items: [{ name: NAME, update: bytes() }] },
  { type: MsgType.Revoked, names: [NAME] },
  { type: MsgType.Ping, t: 1234.5 },
  { type: MsgType.Pong, t: 1234.5 },
  // Version 3: an admin revoked the token or the device.
  { type: MsgType.Wipe },
]

describe('wire protocol codec', () => {
  it.each(samples.map((m) => [m.type, m] as const))('round-trips message type %i', (_t, m) => {
    expect(decodeMessage(encodeMessage(m))).toEqual(m)
  })

  it('a version-1 device and a version-2 relay still read each other (the new fields are left out for v1)', () => {
    const v1Hello = encodeMessage({ type: MsgType.Hello, protocolVersion: 1, token: 't', deviceId: 'd', cursor: 5, relayEpoch: 9, seenSeq: 9 })
    expect(decodeMessage(v1Hello)).toEqual({ type: MsgType.Hello, protocolVersion: 1, token: 't', deviceId: 'd', cursor: 5 })
    const user = { id: 'u1', username: 'dong.worker', role: 'worker', team: 'dong-sinchon' } as const
    const v1Welcome = encodeMessage({ type: MsgType.Welcome, protocolVersion: 1, user, headSeq: 3, feedTotal: 1, epoch: 9, resync: true })
    // Exactly the bytes a version-1 relay sent: a v1 decoder (strict about trailing bytes) reads them.
    expect(v1Welcome).toEqual(encodeMessage({ type: MsgType.Welcome, protocolVersion: 1, user, headSeq: 3, feedTotal: 1 }))
    expect(decodeMessage(v1Welcome)).toEqual({ type: MsgType.Welcome, protocolVersion: 1, user, headSeq: 3, feedTotal: 1 })
  })

  it('refuses truncated frames of every type with a ProtocolError', () => {
    for (const m of samples) {
      const full = encodeMessage(m)
      for (let cut = 0; cut < full.length; cut++) {
        expect(() => decodeMessage(full.subarray(0, cut))).toThrow(ProtocolError)
      }
    }
  })

  it('refuses unknown types, trailing bytes and unknown error codes', () => {
    expect(() => decodeMessage(bytes(200))).toThrow(ProtocolError)
    const ok = encodeMessage({ type: MsgType.FeedDone, cursor: 1 })
    expect(() => decodeMessage(new Uint8Array([...ok, 0]))).toThrow(/trailing/)
    const bad = encodeMessage({ type: MsgType.Error, code: 'server', message: 'x', fatal: false })
    // Replace the error-code string 'server' with 'hacked' (same length) in place.
    const forged = new Uint8Array(bad)
    forged.set(new TextEncoder().encode('hacked'), 2)
    expect(() => decodeMessage(forged)).toThrow(/error code/)
  })

  it('Wipe is one byte, refuses any payload, and only devices of version 3 on are sent it', () => {
    const wipe = encodeMessage({ type: MsgType.Wipe })
    expect([...wipe]).toEqual([MsgType.Wipe])
    expect(() => decodeMessage(new Uint8Array([MsgType.Wipe, 0]))).toThrow(/trailing/)
    expect(WIPE_PROTOCOL_VERSION).toBe(3)
    expect(PROTOCOL_VERSION).toBeGreaterThanOrEqual(WIPE_PROTOCOL_VERSION)
    // A version-3 Hello and Welcome are laid out exactly as version 2's: only the relay's answers grew.
    const v3 = encodeMessage({ type: MsgType.Hello, protocolVersion: 3, token: 't', deviceId: 'd', cursor: 5, relayEpoch: 9, seenSeq: 7 })
    const v2 = encodeMessage({ type: MsgType.Hello, protocolVersion: 2, token: 't', deviceId: 'd', cursor: 5, relayEpoch: 9, seenSeq: 7 })
    expect(v3.length).toBe(v2.length)
  })

  it('accepts only well-formed document names', () => {
    expect(isDocName(NAME)).toBe(true)
    expect(docKind(NAME)).toBe('case')
    expect(isDocName('case/../../etc/passwd')).toBe(false)
    expect(isDocName('cases/0b0f3d3c-5a0e-4c55-9d1e-2a7f8f1f6c11')).toBe(false)
    expect(isDocName(NAME.toUpperCase())).toBe(false)
    expect(docKind('brief/x')).toBeNull()
  })
})
