// Ties one connection or request to the access records without touching the endpoint code: a per-session
// view of the Auditor (records carry that session's device), outgoing frames held until the records they
// acknowledge are committed, live deliveries recorded per receiving session, and device-reported views.
import type { ServerResponse } from 'node:http'
import type { WebSocket } from 'ws'
import { MsgType, decodeMessage, isDocName } from '../src/sync/protocol'
import type { Auditor } from './audit'
import type { Auth } from './auth'
import type { RelayCore } from './core'
import type { Hub, Subscriber } from './hub'

/** A view older than this, or in the future, is recorded at the time it reached the relay. */
const MAX_VIEW_AGE_MS = 90 * 86_400_000

/** Live deliveries of the fan-out running now, one entry per receiving user, device, address and document. */
interface Delivery { view: Auditor; userId: string; ip: string; name: string; count: number }
let delivering: Map<string, Delivery> | null = null

/**
 * Runs a fan-out collecting its deliveries, then records them: one 'live' row per receiver (user, device,
 * address, document; `deliveries=N` when that receiver has N connections), not one per socket, so 500 stock
 * clients of one account on a case file cost one row per edit (issue 8). Runs inside `batch`: the rows are
 * committed before any frame of the fan-out leaves.
 */
function collectingDeliveries(fn: () => void): void {
  const outer = delivering
  const mine = new Map<string, Delivery>()
  delivering = mine
  try {
    fn()
  } finally {
    delivering = outer
    const at = Date.now()
    for (const d of mine.values()) d.view.record(d.userId, d.ip, d.name, 'live', at, d.count > 1 ? `deliveries=${d.count}` : '')
  }
}

function sessionHub(core: RelayCore, view: Auditor, ip: string): Hub {
  const hub = Object.create(core.hub) as Hub
  hub.add = (sub: Subscriber) => {
    const send = sub.sendUpdate.bind(sub)
    sub.sendUpdate = (name, update, seq) => {
      if (!delivering) view.record(sub.user.id, ip, name, 'live')
      else {
        const key = `${sub.user.id}\n${view.sessionDevice}\n${ip}\n${name}`
        const d = delivering.get(key)
        if (d) d.count++
        else delivering.set(key, { view, userId: sub.user.id, ip, name, count: 1 })
      }
      send(name, update, seq)
    }
    core.hub.add(sub)
  }
  // One commit for every delivery of a fan-out, before any of its frames leaves.
  hub.fanOut = (...args) => view.batch(() => collectingDeliveries(() => core.hub.fanOut(...args)))
  hub.grantTeam = (...args) => view.batch(() => collectingDeliveries(() => core.hub.grantTeam(...args)))
  return hub
}

/** The core one WebSocket session works with; `defaultDevice` is 'yjs' for stock clients, which name none. */
export function auditedSocketCore(core: RelayCore, ip: string, defaultDevice = ''): RelayCore {
  const view = core.auditor.session(defaultDevice)
  return { ...core, auditor: view, hub: sessionHub(core, view, ip) }
}

/** Every frame leaves only after the records made before it are committed; if they cannot be, the socket ends. */
export function guardSends(ws: WebSocket, view: Auditor): void {
  const send = ws.send.bind(ws) as (...args: unknown[]) => void
  ws.send = ((...args: unknown[]) => view.beforeSend(() => send(...args), () => ws.terminate())) as WebSocket['send']
}

/** Views of a case file that a device reports (MsgType.Viewed), recorded as 'viewed' for the session's user. */
export function acceptViews(ws: WebSocket, view: Auditor, ip: string): void {
  const emit = ws.emit.bind(ws) as (event: string | symbol, ...args: unknown[]) => boolean
  ws.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event !== 'message' || args[1] !== true) return emit(event, ...args)
    const data = args[0] as Buffer | ArrayBuffer | Buffer[]
    const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
    if (buf[0] !== MsgType.Viewed || !view.sessionUser) return emit(event, ...args)
    let msg
    try {
      msg = decodeMessage(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength))
    } catch {
      return emit(event, ...args) // malformed: the session counts it as a bad frame
    }
    if (msg.type !== MsgType.Viewed) return emit(event, ...args)
    const now = Date.now()
    for (const { name, at } of msg.items) {
      if (!isDocName(name)) continue
      const when = at > now || at < now - MAX_VIEW_AGE_MS ? now : at
      view.record(view.sessionUser, ip, name, 'viewed', when, `reported=${now}`)
    }
    return true
  }) as WebSocket['emit']
}

/** An HTTP request's core: login attempts note the name tried and the device; responses wait for the records. */
export function auditedRequestCore(core: RelayCore, res: ServerResponse): RelayCore {
  const view = core.auditor.session()
  const auth = Object.create(core.auth) as Auth
  auth.login = (username, password, now, deviceId = '') => {
    view.noteLogin(username, deviceId)
    return core.auth.login(username, password, now, deviceId)
  }
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
  res.on('error', () => {}) // a response destroyed below must not crash the relay
  res.writeHead = ((...args: unknown[]) => {
    let out = res
    view.beforeSend(() => { out = writeHead(...args) }, () => res.destroy())
    return out
  }) as ServerResponse['writeHead']
  return { ...core, auditor: view, auth }
}
