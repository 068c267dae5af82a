// Standard y-websocket protocol at /yjs/<documentName>?token=…, so stock Yjs clients interoperate.
// Access is decided at the upgrade (HTTP 401/403), or on the first frame for a client that sends its
// token there rather than in the URL (which proxies may log); step 1 is answered with a diff against the
// client's state vector; updates go through the same core as /sync pushes (log, seq, audit, fan-out).
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebSocket, WebSocketServer } from 'ws'
import * as Y from 'yjs'
import { isDocName } from '../src/sync/protocol'
import { canRead, canWrite } from './access'
import type { Principal } from './access'
import { MUST_CHANGE } from './auth'
import { storeUpdates } from './core'
import type { RelayCore } from './core'
import type { Subscriber } from './hub'
import type { OpenSession } from './sessions'
import { addsNothing } from './updates'
import type { YjsRooms } from './yjsRooms'
import { LIMIT_TEXT, CLOSE_RATE } from './limits'
import { openYjsGate } from './yjsLimits'
import type { YjsGate } from './yjsLimits'

const MSG_SYNC = 0
const MSG_AWARENESS = 1
const MSG_QUERY_AWARENESS = 3
const SYNC_STEP1 = 0
const SYNC_STEP2 = 1
const SYNC_UPDATE = 2
const EMPTY_UPDATE = new Uint8Array([0, 0])

export function rejectUpgrade(socket: Duplex, status: 400 | 401 | 403, text: string, body = ''): void {
  const bytes = Buffer.from(body, 'utf8')
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${bytes.length}\r\n\r\n${body}`)
  socket.destroy()
}

/** y-websocket's auth message: a client may send [MSG_AUTH][token] first instead of ?token= (docs/CONTRACTS.md). */
const MSG_AUTH = 2
const AUTH_PERMISSION_DENIED = 0
const AUTH_TIMEOUT_MS = 10_000

type Authorised =
  | { ok: true; user: Principal; tokenHash: string; expiresAt: number }
  | { ok: false; status: 400 | 401 | 403; text: string; reason: string }

/** Token and document access for one /yjs connection, whichever way the token came. */
function authorise(core: RelayCore, token: string, name: string, ip: string): Authorised {
  const check = core.auth.check(token, '')
  if (check.kind !== 'ok') return { ok: false, status: 401, text: 'Unauthorized', reason: '로그인이 필요합니다.' }
  if (!isDocName(name)) return { ok: false, status: 400, text: 'Bad Request', reason: '문서 이름이 올바르지 않습니다.' }
  const record = check.user
  if (record.mustChangePassword) return { ok: false, status: 403, text: 'Forbidden', reason: MUST_CHANGE }
  const user: Principal = { id: record.id, role: record.role, team: record.team }
  const access = core.storage.docAccess(name)
  if (access ? !canRead(user, name, access) : !canWrite(user, name, null) || core.storage.isPurged(name)) {
    core.auditor.record(user.id, ip, name, 'refused')
    core.log('yjs refused (403)')
    return { ok: false, status: 403, text: 'Forbidden', reason: '이 문서에 접근할 권한이 없습니다.' }
  }
  core.auth.touch(check.tokenHash)
  return { ok: true, user, tokenHash: check.tokenHash, expiresAt: check.expiresAt }
}

/**
 * Authenticates and authorises a /yjs upgrade; on success hands the socket to the ws server. With
 * `?token=` (stock y-websocket clients) a refusal is an HTTP 401/403; without it, the first frame must
 * be the auth message, and a refusal is y-websocket's permission-denied message and a close (4401/4403).
 */
export function upgradeYjs(
  req: IncomingMessage, socket: Duplex, head: Buffer, url: URL, wss: WebSocketServer, core: RelayCore,
  rooms: YjsRooms, ip: string,
): void {
  let name: string
  try {
    name = decodeURIComponent(url.pathname.slice('/yjs/'.length))
  } catch {
    return rejectUpgrade(socket, 400, 'Bad Request')
  }
  // No permessage-deflate on /yjs (the stock server offers none either): it keeps a zlib context of about
  // 300 KB per connection and deflates every fan-out frame once per connection, which made 500 clients on
  // one case file take seconds per edit and gigabytes (issue 8). /sync keeps it.
  delete req.headers['sec-websocket-extensions']
  const token = url.searchParams.get('token')
  if (token === null) {
    if (!isDocName(name)) return rejectUpgrade(socket, 400, 'Bad Request')
    wss.handleUpgrade(req, socket, head, (ws) => awaitAuthFrame(ws, name, ip, core, rooms))
    return
  }
  const auth = authorise(core, token, name, ip)
  if (!auth.ok) return rejectUpgrade(socket, auth.status, auth.text, auth.reason)
  wss.handleUpgrade(req, socket, head, (ws) => openSession(ws, name, auth, ip, core, rooms))
}

function awaitAuthFrame(ws: WebSocket, name: string, ip: string, core: RelayCore, rooms: YjsRooms): void {
  const deny = (code: 4401 | 4403, reason: string) => {
    if (ws.readyState === ws.OPEN) {
      ws.send(frame((e) => {
        encoding.writeVarUint(e, MSG_AUTH)
        encoding.writeVarUint(e, AUTH_PERMISSION_DENIED)
        encoding.writeVarString(e, reason)
      }))
    }
    ws.close(code, code === 4401 ? 'unauthorized' : 'forbidden')
  }
  const timer = setTimeout(() => deny(4401, '인증 메시지가 오지 않았습니다.'), AUTH_TIMEOUT_MS)
  ws.once('close', () => clearTimeout(timer))
  ws.once('message', (data, isBinary) => {
    clearTimeout(timer)
    let token = ''
    try {
      if (!isBinary) throw new Error('text frame')
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
      const d = decoding.createDecoder(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength))
      if (decoding.readVarUint(d) !== MSG_AUTH) throw new Error('not an auth frame')
      token = decoding.readVarString(d)
    } catch {
      return deny(4401, '첫 메시지는 인증 메시지여야 합니다.')
    }
    const auth = authorise(core, token, name, ip)
    if (!auth.ok) return deny(auth.status === 401 ? 4401 : 4403, auth.reason)
    openSession(ws, name, auth, ip, core, rooms)
  })
}

function openSession(
  ws: WebSocket, name: string, auth: Extract<Authorised, { ok: true }>, ip: string, core: RelayCore, rooms: YjsRooms,
): void {
  const gate = openYjsGate(core, auth.user, ip, name)
  if (!gate) return ws.close(CLOSE_RATE, LIMIT_TEXT.connections)
  ws.once('close', gate.release)
  // A stock client has no Wipe message: a revoked token just closes the socket (and its retry gets 401).
  const session: OpenSession = {
    tokenHash: auth.tokenHash, deviceId: '', expiresAt: auth.expiresAt, idleUntil: core.auth.idleUntil(),
    end: (reason) => ws.close(4401, reason === 'wipe' ? 'revoked' : 'unauthorized'),
  }
  const unregister = core.sessions.add(session)
  ws.once('close', unregister)
  // Edits are use; awareness heartbeats (every 15 s from y-protocols) are not.
  const active = () => {
    core.auth.touch(auth.tokenHash)
    session.idleUntil = core.auth.idleUntil()
  }
  handleYjsSocket(ws, name, auth.user, ip, core, rooms, active, gate)
}

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

const syncFrame = (kind: number, payload: Uint8Array) => frame((e) => {
  encoding.writeVarUint(e, MSG_SYNC)
  encoding.writeVarUint(e, kind)
  encoding.writeVarUint8Array(e, payload)
})
// Frames built once per stored update or merged state (the storage's merge cache keeps returning the
// same array until the document changes) and shared by every connection: a fan-out to 500 clients or
// 500 joins at once encode them once, not 500 times (issue 8).
/** Unsent bytes one /yjs connection may hold at the relay (8× the largest document: MAX_DOC_BYTES 2 MB). */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024
const updateFrames = new WeakMap<Uint8Array, Uint8Array>()
const step1Frames = new WeakMap<Uint8Array, Uint8Array>()
const fullStateFrames = new WeakMap<Uint8Array, Uint8Array>()
const EMPTY_STEP1 = syncFrame(SYNC_STEP1, new Uint8Array([0]))
function cached(cache: WeakMap<Uint8Array, Uint8Array>, key: Uint8Array, build: () => Uint8Array): Uint8Array {
  let f = cache.get(key)
  if (!f) cache.set(key, (f = build()))
  return f
}
const updateFrame = (update: Uint8Array) => cached(updateFrames, update, () => syncFrame(SYNC_UPDATE, update))
const step1Frame = (state: Uint8Array | null) =>
  state ? cached(step1Frames, state, () => syncFrame(SYNC_STEP1, Y.encodeStateVectorFromUpdate(state))) : EMPTY_STEP1
/** The answer to a client's step 1: the whole state (shared) for an empty client, else a diff. */
function step2Frame(state: Uint8Array, stateVector: Uint8Array): Uint8Array {
  if (stateVector.length === 1 && stateVector[0] === 0) return cached(fullStateFrames, state, () => syncFrame(SYNC_STEP2, state))
  return syncFrame(SYNC_STEP2, Y.diffUpdate(state, stateVector))
}
const awarenessFrame = (update: Uint8Array) => frame((e) => {
  encoding.writeVarUint(e, MSG_AWARENESS)
  encoding.writeVarUint8Array(e, update)
})

function handleYjsSocket(
  ws: WebSocket, name: string, user: Principal, ip: string, core: RelayCore, rooms: YjsRooms, active: () => void,
  gate: YjsGate,
): void {
  const deviceId = 'yjs'
  const controlled = new Set<number>()
  const transmit = (data: Uint8Array) => {
    if (ws.readyState !== ws.OPEN) return
    // A client this far behind is dropped rather than buffered without bound; y-websocket reconnects and resyncs.
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return void ws.terminate()
    ws.send(data)
  }
  // Frames wait (in order) for the group commit of the records made before them, e.g. this join's 'read'.
  let waiting: Uint8Array[] | null = null
  const send = (data: Uint8Array) => {
    if (waiting) return void waiting.push(data)
    waiting = [data]
    core.auditor.sendAfterCommit(() => {
      const frames = waiting ?? []
      waiting = null
      for (const f of frames) transmit(f)
    }, () => {
      waiting = null
      ws.terminate()
    })
  }
  const sub: Subscriber = {
    user,
    doc: name,
    sendUpdate: (_name, update) => send(updateFrame(update)),
    revoke: () => ws.close(4403, 'forbidden'),
  }
  rooms.add(name, sub, send)
  core.hub.add(sub)
  core.auditor.record(user.id, ip, name, 'read')
  send(step1Frame(core.storage.mergedState(name)))
  const aw = rooms.snapshot(name)
  if (aw) send(awarenessFrame(aw))

  ws.on('message', (data, isBinary) => {
    try {
      if (!isBinary) throw new Error('text frame')
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
      const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
      const refused = gate.admit(bytes)
      if (refused) return ws.close(refused.code, refused.reason)
      onMessage(bytes)
    } catch {
      ws.close(4400, 'bad-message')
    }
  })
  ws.on('close', () => {
    core.hub.remove(sub)
    rooms.remove(name, sub)
    const gone = rooms.forget(name, controlled)
    if (gone) rooms.broadcast(name, awarenessFrame(gone), null)
  })
  ws.on('error', () => ws.terminate())

  function onMessage(bytes: Uint8Array): void {
    const d = decoding.createDecoder(bytes)
    const type = decoding.readVarUint(d)
    if (type === MSG_SYNC) {
      const kind = decoding.readVarUint(d)
      const payload = decoding.readVarUint8Array(d)
      if (kind === SYNC_STEP1) {
        send(step2Frame(core.storage.mergedState(name) ?? EMPTY_UPDATE, payload))
      } else if (kind === SYNC_STEP2 || kind === SYNC_UPDATE) {
        active()
        if (addsNothing(payload, core.storage.mergedState(name))) return // e.g. a step 2 with nothing new
        const [outcome] = storeUpdates(core, user, deviceId, ip, [{ name, update: payload }], sub)
        if (outcome && !outcome.ok) ws.close(outcome.code === 'forbidden' ? 4403 : 4400, outcome.code)
      } else throw new Error('unknown sync message')
    } else if (type === MSG_AWARENESS) {
      // Only entries that changed something go on: stock clients echo every state they learn.
      const { changed, added, removed } = rooms.apply(name, decoding.readVarUint8Array(d))
      for (const id of added) controlled.add(id)
      for (const id of removed) controlled.delete(id)
      if (changed) rooms.broadcast(name, awarenessFrame(changed), sub)
    } else if (type === MSG_QUERY_AWARENESS) {
      const snap = rooms.snapshot(name)
      if (snap) send(awarenessFrame(snap))
    } else throw new Error('unknown message')
  }
}
