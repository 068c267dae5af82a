// Standard y-websocket protocol at /yjs/<documentName>?token=…, so stock Yjs clients interoperate.
// Access is decided at the upgrade (HTTP 401/403); step 1 is answered with a diff against the
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
import { storeUpdates } from './core'
import type { RelayCore } from './core'
import type { Subscriber } from './hub'
import { addsNothing } from './updates'
import type { YjsRooms } from './yjsRooms'

const MSG_SYNC = 0
const MSG_AWARENESS = 1
const MSG_QUERY_AWARENESS = 3
const SYNC_STEP1 = 0
const SYNC_STEP2 = 1
const SYNC_UPDATE = 2
const EMPTY_UPDATE = new Uint8Array([0, 0])

export function rejectUpgrade(socket: Duplex, status: 400 | 401 | 403, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n\r\n`)
  socket.destroy()
}

/** Authenticates and authorises a /yjs upgrade; on success hands the socket to the ws server. */
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
  const check = core.auth.check(url.searchParams.get('token') ?? '', '')
  if (check.kind !== 'ok') return rejectUpgrade(socket, 401, 'Unauthorized')
  if (!isDocName(name)) return rejectUpgrade(socket, 400, 'Bad Request')
  const record = check.user
  const user: Principal = { id: record.id, role: record.role, team: record.team }
  const access = core.storage.docAccess(name)
  if (access ? !canRead(user, name, access) : !canWrite(user, name, null) || core.storage.isPurged(name)) {
    core.auditor.record(user.id, ip, name, 'refused')
    core.log('yjs refused (403)')
    return rejectUpgrade(socket, 403, 'Forbidden')
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    // A stock client has no Wipe message: a revoked token just closes the socket (and its retry gets 401).
    const unregister = core.sessions.add({
      tokenHash: check.tokenHash, deviceId: '', expiresAt: check.expiresAt,
      end: (reason) => ws.close(4401, reason === 'wipe' ? 'revoked' : 'unauthorized'),
    })
    ws.once('close', unregister)
    handleYjsSocket(ws, name, user, ip, core, rooms)
  })
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
const awarenessFrame = (update: Uint8Array) => frame((e) => {
  encoding.writeVarUint(e, MSG_AWARENESS)
  encoding.writeVarUint8Array(e, update)
})

function handleYjsSocket(ws: WebSocket, name: string, user: Principal, ip: string, core: RelayCore, rooms: YjsRooms): void {
  const deviceId = 'yjs'
  const controlled = new Set<number>()
  const send = (data: Uint8Array) => { if (ws.readyState === ws.OPEN) ws.send(data) }
  const sub: Subscriber = {
    user,
    doc: name,
    sendUpdate: (_name, update) => send(syncFrame(SYNC_UPDATE, update)),
    revoke: () => ws.close(4403, 'forbidden'),
  }
  rooms.add(name, sub, send)
  core.hub.add(sub)
  core.auditor.record(user.id, ip, name, 'read')
  const state = core.storage.mergedState(name)
  send(syncFrame(SYNC_STEP1, state ? Y.encodeStateVectorFromUpdate(state) : new Uint8Array([0])))
  const aw = rooms.snapshot(name)
  if (aw) send(awarenessFrame(aw))

  ws.on('message', (data, isBinary) => {
    try {
      if (!isBinary) throw new Error('text frame')
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
      onMessage(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength))
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
        const current = core.storage.mergedState(name) ?? EMPTY_UPDATE
        send(syncFrame(SYNC_STEP2, Y.diffUpdate(current, payload)))
      } else if (kind === SYNC_STEP2 || kind === SYNC_UPDATE) {
        if (addsNothing(payload, core.storage.mergedState(name))) return // e.g. a step 2 with nothing new
        const [outcome] = storeUpdates(core, user, deviceId, ip, [{ name, update: payload }], sub)
        if (outcome && !outcome.ok) ws.close(outcome.code === 'forbidden' ? 4403 : 4400, outcome.code)
      } else throw new Error('unknown sync message')
    } else if (type === MSG_AWARENESS) {
      const update = decoding.readVarUint8Array(d)
      for (const id of rooms.apply(name, update)) controlled.add(id)
      rooms.broadcast(name, awarenessFrame(update), sub)
    } else if (type === MSG_QUERY_AWARENESS) {
      const snap = rooms.snapshot(name)
      if (snap) send(awarenessFrame(snap))
    } else throw new Error('unknown message')
  }
}
