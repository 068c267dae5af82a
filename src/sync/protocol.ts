// The one wire format of the device endpoint (`/sync`). The device engine and the relay both import
// this file; message types, error codes and limits live here and nowhere else.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * Bumped when the wire format changes. 2: Hello and Welcome carry the relay's database epoch.
 * 3: the relay may send Wipe (older devices get `unauthorized` instead, which they understand).
 * 4: the device may send Viewed (its case file views, for the relay's access records).
 * 5: a feed page may carry the relay's list summaries of the case files it sends whole.
 */
export const PROTOCOL_VERSION = 5
/** First device protocol that understands Wipe. */
export const WIPE_PROTOCOL_VERSION = 3
/** A device sends Viewed only to a relay whose Welcome says at least this (an older relay would refuse the frame). */
export const VIEWED_PROTOCOL_VERSION = 4
/** First device protocol that reads summaries in a feed page (an older one would see trailing bytes). */
export const SUMMARY_PROTOCOL_VERSION = 5
/** Views per Viewed message; a device with more sends several. */
export const MAX_VIEWED_ITEMS = 1000
/** Oldest device protocol the relay still serves; older devices are told to update (their data stays). */
export const MIN_PROTOCOL_VERSION = 1

/** Largest frame either side accepts, and largest single Yjs update in a push. */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024
export const MAX_UPDATE_BYTES = 4 * 1024 * 1024
/** Documents per feed page; the device commits its cursor after each page so a first sync resumes. */
export const FEED_PAGE_DOCS = 200
/** The first page of a feed is smaller, so a new device starts storing while the relay reads the rest. */
export const FEED_FIRST_PAGE_DOCS = 50

/** Documents a device may hold: case files, volunteer briefs, volunteer reports, the team's shared directory. */
export const DOC_NAME_PATTERN = /^(case|brief|report|team)\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
export type DocKind = 'case' | 'brief' | 'report' | 'team'

export function isDocName(name: string): boolean {
  return DOC_NAME_PATTERN.test(name)
}

export function docKind(name: string): DocKind | null {
  if (!isDocName(name)) return null
  return name.slice(0, name.indexOf('/')) as DocKind
}

export const MsgType = {
  Hello: 1, // device → relay, first message
  Welcome: 2, // relay → device
  Error: 3, // relay → device
  Docs: 4, // relay → device: one page of the change feed
  FeedDone: 5, // relay → device: the feed has caught up
  Push: 6, // device → relay: pending local updates
  Ack: 7, // relay → device: per-update accept or refuse
  Live: 8, // relay → device: an update another device just stored
  SvSync: 9, // device → relay: state vectors, asking for what it lacks
  Diff: 10, // relay → device: answer to SvSync
  Revoked: 11, // relay → device: documents this user may no longer hold
  Ping: 12,
  Pong: 13,
  Wipe: 14, // relay → device (v3): an admin revoked this token or device; erase this user's local data
  Viewed: 15, // device → relay (v4): case files shown on the device since its last report
} as const
export type MsgTypeCode = (typeof MsgType)[keyof typeof MsgType]

export const ErrorCode = {
  Unauthorized: 'unauthorized', // bad or expired token: log in again, keep the outbox
  Forbidden: 'forbidden', // this user may not touch that document
  Version: 'version', // device too old: update the app
  BadMessage: 'bad-message', // malformed frame
  TooLarge: 'too-large',
  BadUpdate: 'bad-update', // not a valid Yjs update
  Server: 'server',
} as const
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode]
const ERROR_CODES = new Set<string>(Object.values(ErrorCode))

export interface WireUser {
  id: string
  username: string
  role: 'worker' | 'supervisor' | 'volunteer' | 'admin'
  team: string
}
const ROLES = new Set(['worker', 'supervisor', 'volunteer', 'admin'])

export interface DocUpdate {
  name: string
  update: Uint8Array
}

export type Hello = {
  type: typeof MsgType.Hello
  protocolVersion: number
  token: string
  deviceId: string
  /** Highest feed sequence number this device has fully applied; 0 for none. */
  cursor: number
  /** (v2) Epoch of the relay database the cursor belongs to; 0 when unknown. */
  relayEpoch?: number
  /** (v2) Highest sequence number this device knows the relay stored (its cursor or an ack of its own). */
  seenSeq?: number
}
export type Welcome = {
  type: typeof MsgType.Welcome
  protocolVersion: number
  user: WireUser
  /** Relay's newest sequence number when the session started. */
  headSeq: number
  /** How many documents the feed will send in this session (for "n of m" progress). */
  feedTotal: number
  /** (v2) Changes when the relay database is restored from a backup; cursors of another epoch mean nothing. */
  epoch?: number
  /**
   * (v2) The relay lost updates this device's cursor had seen (restored from a backup): the feed sends
   * whole states, and the device re-sends whatever it holds beyond them.
   */
  resync?: boolean
}
export type ErrorMsg = {
  type: typeof MsgType.Error
  code: ErrorCodeValue
  /** Korean, safe to show; never holds personal data. */
  message: string
  /** The relay closes the connection after a fatal error. */
  fatal: boolean
}
export type Docs = {
  type: typeof MsgType.Docs
  items: DocUpdate[]
  /** Cursor to store once every item of this page is applied and persisted. */
  cursor: number
  /**
   * (v5) Relay-computed list summaries (src/domain/relaySummary.ts) of documents whose whole state is
   * in this page, by name: the device may list them without rebuilding each document.
   */
  summaries?: Map<string, string>
}
export type FeedDone = { type: typeof MsgType.FeedDone; cursor: number }
export type PushItem = { localId: number; name: string; update: Uint8Array }
export type Push = { type: typeof MsgType.Push; batchId: number; items: PushItem[] }
export type AckResult =
  | { localId: number; ok: true; seq: number }
  | { localId: number; ok: false; code: ErrorCodeValue; message: string }
export type Ack = { type: typeof MsgType.Ack; batchId: number; results: AckResult[] }
export type Live = { type: typeof MsgType.Live; name: string; update: Uint8Array; seq: number }
export type SvSync = { type: typeof MsgType.SvSync; requestId: number; items: { name: string; sv: Uint8Array }[] }
export type Diff = { type: typeof MsgType.Diff; requestId: number; items: DocUpdate[] }
export type Revoked = { type: typeof MsgType.Revoked; names: string[] }
export type Ping = { type: typeof MsgType.Ping; t: number }
export type Pong = { type: typeof MsgType.Pong; t: number }
/** Sent instead of (or before closing) a session; the relay closes the socket right after it. */
export type Wipe = { type: typeof MsgType.Wipe }
/** (v4) Case file screens opened on the device (document name, epoch ms), for the relay's 접속기록. */
export type Viewed = { type: typeof MsgType.Viewed; items: { name: string; at: number }[] }

export type DeviceMessage = Hello | Push | SvSync | Ping | Pong | Viewed
export type RelayMessage = Welcome | ErrorMsg | Docs | FeedDone | Ack | Live | Diff | Revoked | Ping | Pong | Wipe
export type Message = DeviceMessage | RelayMessage

export class ProtocolError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ProtocolError'
  }
}

function writeDocUpdates(e: encoding.Encoder, items: DocUpdate[]): void {
  encoding.writeVarUint(e, items.length)
  for (const it of items) {
    encoding.writeVarString(e, it.name)
    encoding.writeVarUint8Array(e, it.update)
  }
}

export function encodeMessage(m: Message): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, m.type)
  switch (m.type) {
    case MsgType.Hello:
      encoding.writeVarUint(e, m.protocolVersion)
      encoding.writeVarString(e, m.token)
      encoding.writeVarString(e, m.deviceId)
      encoding.writeVarUint(e, m.cursor)
      if (m.protocolVersion >= 2) {
        encoding.writeVarUint(e, m.relayEpoch ?? 0)
        encoding.writeVarUint(e, m.seenSeq ?? 0)
      }
      break
    case MsgType.Welcome:
      encoding.writeVarUint(e, m.protocolVersion)
      encoding.writeVarString(e, m.user.id)
      encoding.writeVarString(e, m.user.username)
      encoding.writeVarString(e, m.user.role)
      encoding.writeVarString(e, m.user.team)
      encoding.writeVarUint(e, m.headSeq)
      encoding.writeVarUint(e, m.feedTotal)
      if (m.protocolVersion >= 2) {
        encoding.writeVarUint(e, m.epoch ?? 0)
        encoding.writeUint8(e, m.resync ? 1 : 0)
      }
      break
    case MsgType.Error:
      encoding.writeVarString(e, m.code)
      encoding.writeVarString(e, m.message)
      encoding.writeUint8(e, m.fatal ? 1 : 0)
      break
    case MsgType.Docs:
      writeDocUpdates(e, m.items)
      encoding.writeVarUint(e, m.cursor)
      if (m.summaries) {
        encoding.writeVarUint(e, m.summaries.size)
        for (const [name, body] of m.summaries) {
          encoding.writeVarString(e, name)
          encoding.writeVarString(e, body)
        }
      }
      break
    case MsgType.FeedDone:
      encoding.writeVarUint(e, m.cursor)
      break
    case MsgType.Push:
      encoding.writeVarUint(e, m.batchId)
      encoding.writeVarUint(e, m.items.length)
      for (const it of m.items) {
        encoding.writeVarUint(e, it.localId)
        encoding.writeVarString(e, it.name)
        encoding.writeVarUint8Array(e, it.update)
      }
      break
    case MsgType.Ack:
      encoding.writeVarUint(e, m.batchId)
      encoding.writeVarUint(e, m.results.length)
      for (const r of m.results) {
        encoding.writeVarUint(e, r.localId)
        if (r.ok) {
          encoding.writeUint8(e, 1)
          encoding.writeVarUint(e, r.seq)
        } else {
          encoding.writeUint8(e, 0)
          encoding.writeVarString(e, r.code)
          encoding.writeVarString(e, r.message)
        }
      }
      break
    case MsgType.Live:
      encoding.writeVarString(e, m.name)
      encoding.writeVarUint8Array(e, m.update)
      encoding.writeVarUint(e, m.seq)
      break
    case MsgType.SvSync:
      encoding.writeVarUint(e, m.requestId)
      encoding.writeVarUint(e, m.items.length)
      for (const it of m.items) {
        encoding.writeVarString(e, it.name)
        encoding.writeVarUint8Array(e, it.sv)
      }
      break
    case MsgType.Diff:
      encoding.writeVarUint(e, m.requestId)
      writeDocUpdates(e, m.items)
      break
    case MsgType.Revoked:
      encoding.writeVarUint(e, m.names.length)
      for (const n of m.names) encoding.writeVarString(e, n)
      break
    case MsgType.Ping:
    case MsgType.Pong:
      encoding.writeFloat64(e, m.t)
      break
    case MsgType.Wipe:
      break
    case MsgType.Viewed:
      encoding.writeVarUint(e, m.items.length)
      for (const it of m.items) {
        encoding.writeVarString(e, it.name)
        encoding.writeVarUint(e, it.at)
      }
      break
  }
  return encoding.toUint8Array(e)
}

function readCount(d: decoding.Decoder, max: number): number {
  const n = decoding.readVarUint(d)
  if (n > max) throw new ProtocolError('too many items')
  return n
}

function readDocUpdates(d: decoding.Decoder): DocUpdate[] {
  const n = readCount(d, 1_000_000)
  const items: DocUpdate[] = []
  for (let i = 0; i < n; i++) {
    const name = decoding.readVarString(d)
    const update = decoding.readVarUint8Array(d)
    items.push({ name, update })
  }
  return items
}

function readErrorCode(d: decoding.Decoder): ErrorCodeValue {
  const c = decoding.readVarString(d)
  if (!ERROR_CODES.has(c)) throw new ProtocolError('unknown error code')
  return c as ErrorCodeValue
}

/** Decodes one frame; throws ProtocolError on anything malformed, truncated or oversized. */
export function decodeMessage(bytes: Uint8Array): Message {
  if (bytes.byteLength > MAX_FRAME_BYTES) throw new ProtocolError('frame too large')
  const d = decoding.createDecoder(bytes)
  try {
    const type = decoding.readVarUint(d)
    let m: Message
    switch (type) {
      case MsgType.Hello: {
        const hello: Hello = {
          type,
          protocolVersion: decoding.readVarUint(d),
          token: decoding.readVarString(d),
          deviceId: decoding.readVarString(d),
          cursor: decoding.readVarUint(d),
        }
        if (hello.protocolVersion >= 2) {
          hello.relayEpoch = decoding.readVarUint(d)
          hello.seenSeq = decoding.readVarUint(d)
        }
        m = hello
        break
      }
      case MsgType.Welcome: {
        const protocolVersion = decoding.readVarUint(d)
        const id = decoding.readVarString(d)
        const username = decoding.readVarString(d)
        const role = decoding.readVarString(d)
        if (!ROLES.has(role)) throw new ProtocolError('unknown role')
        const team = decoding.readVarString(d)
        const welcome: Welcome = {
          type,
          protocolVersion,
          user: { id, username, role: role as WireUser['role'], team },
          headSeq: decoding.readVarUint(d),
          feedTotal: decoding.readVarUint(d),
        }
        if (protocolVersion >= 2) {
          welcome.epoch = decoding.readVarUint(d)
          welcome.resync = decoding.readUint8(d) === 1
        }
        m = welcome
        break
      }
      case MsgType.Error:
        m = { type, code: readErrorCode(d), message: decoding.readVarString(d), fatal: decoding.readUint8(d) === 1 }
        break
      case MsgType.Docs: {
        const docs: Docs = { type, items: readDocUpdates(d), cursor: decoding.readVarUint(d) }
        if (decoding.hasContent(d)) {
          const n = readCount(d, docs.items.length)
          docs.summaries = new Map()
          for (let i = 0; i < n; i++) docs.summaries.set(decoding.readVarString(d), decoding.readVarString(d))
        }
        m = docs
        break
      }
      case MsgType.FeedDone:
        m = { type, cursor: decoding.readVarUint(d) }
        break
      case MsgType.Push: {
        const batchId = decoding.readVarUint(d)
        const n = readCount(d, 100_000)
        const items: PushItem[] = []
        for (let i = 0; i < n; i++) {
          const localId = decoding.readVarUint(d)
          const name = decoding.readVarString(d)
          const update = decoding.readVarUint8Array(d)
          items.push({ localId, name, update })
        }
        m = { type, batchId, items }
        break
      }
      case MsgType.Ack: {
        const batchId = decoding.readVarUint(d)
        const n = readCount(d, 100_000)
        const results: AckResult[] = []
        for (let i = 0; i < n; i++) {
          const localId = decoding.readVarUint(d)
          const ok = decoding.readUint8(d) === 1
          if (ok) results.push({ localId, ok: true, seq: decoding.readVarUint(d) })
          else results.push({ localId, ok: false, code: readErrorCode(d), message: decoding.readVarString(d) })
        }
        m = { type, batchId, results }
        break
      }
      case MsgType.Live:
        m = { type, name: decoding.readVarString(d), update: decoding.readVarUint8Array(d), seq: decoding.readVarUint(d) }
        break
      case MsgType.SvSync: {
        const requestId = decoding.readVarUint(d)
        const n = readCount(d, 100_000)
        const items: { name: string; sv: Uint8Array }[] = []
        for (let i = 0; i < n; i++) items.push({ name: decoding.readVarString(d), sv: decoding.readVarUint8Array(d) })
        m = { type, requestId, items }
        break
      }
      case MsgType.Diff:
        m = { type, requestId: decoding.readVarUint(d), items: readDocUpdates(d) }
        break
      case MsgType.Revoked: {
        const n = readCount(d, 1_000_000)
        const names: string[] = []
        for (let i = 0; i < n; i++) names.push(decoding.readVarString(d))
        m = { type, names }
        break
      }
      case MsgType.Ping:
      case MsgType.Pong:
        m = { type, t: decoding.readFloat64(d) }
        break
      case MsgType.Wipe:
        m = { type }
        break
      case MsgType.Viewed: {
        const n = readCount(d, MAX_VIEWED_ITEMS)
        const items: { name: string; at: number }[] = []
        for (let i = 0; i < n; i++) {
          const name = decoding.readVarString(d)
          if (!isDocName(name)) throw new ProtocolError('bad document name')
          items.push({ name, at: decoding.readVarUint(d) })
        }
        m = { type, items }
        break
      }
      default:
        throw new ProtocolError(`unknown message type ${type}`)
    }
    if (decoding.hasContent(d)) throw new ProtocolError('trailing bytes')
    return m
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    throw new ProtocolError('truncated or malformed frame')
  }
}
