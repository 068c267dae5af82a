// The /yjs connections of each document and their awareness (cursors, presence); nothing is stored.
// Awareness follows y-protocols' rules (a state replaces an older clock; a removal keeps its clock so a
// late copy cannot bring the state back), and only what changed is passed on, as the stock server does:
// every stock client echoes the states it learns, so relaying updates unfiltered costs O(clients²) frames
// per join (issue 8). States are parsed only to know which client ids a connection controls, so they can
// be cleared on close.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

interface ClientState {
  clock: number
  /** JSON as the client sent it; null once removed (kept for its clock). */
  state: string | null
}

type Send = (data: Uint8Array) => void

export interface AwarenessChange {
  /** The entries that changed anything, as one awareness update to pass on; null when nothing did. */
  changed: Uint8Array | null
  /** Client ids this update introduced (their states now live) and ids it removed. */
  added: number[]
  removed: number[]
}

export class YjsRooms {
  private readonly rooms = new Map<string, Map<number, ClientState>>()
  private readonly peers = new Map<string, Map<object, Send>>()

  add(doc: string, peer: object, send: Send): void {
    let m = this.peers.get(doc)
    if (!m) this.peers.set(doc, (m = new Map()))
    m.set(peer, send)
  }

  remove(doc: string, peer: object): void {
    const m = this.peers.get(doc)
    m?.delete(peer)
    if (m && m.size === 0) {
      this.peers.delete(doc)
      this.rooms.delete(doc) // nobody left to tell: the next connection starts afresh, as with the stock server
    }
  }

  /** Sends one encoded frame to every connection of the document except `except`. */
  broadcast(doc: string, data: Uint8Array, except: object | null): void {
    for (const [peer, send] of this.peers.get(doc) ?? []) if (peer !== except) send(data)
  }

  /** Records an awareness update (throws on a malformed one); returns what changed. */
  apply(doc: string, update: Uint8Array): AwarenessChange {
    const d = decoding.createDecoder(update)
    const n = decoding.readVarUint(d)
    if (n > 10_000) throw new Error('too many awareness entries')
    let room = this.rooms.get(doc)
    if (!room) this.rooms.set(doc, (room = new Map()))
    const added: number[] = []
    const removed: number[] = []
    const changed: [number, ClientState][] = []
    for (let i = 0; i < n; i++) {
      const clientID = decoding.readVarUint(d)
      const clock = decoding.readVarUint(d)
      const raw = decoding.readVarString(d)
      const state = raw === 'null' ? null : raw
      const prev = room.get(clientID)
      const prevClock = prev?.clock ?? 0
      // y-protocols' applyAwarenessUpdate: a newer clock wins; a removal at the same clock removes a live state.
      if (!(prevClock < clock || (prevClock === clock && state === null && prev?.state != null))) continue
      const next = { clock, state }
      room.set(clientID, next)
      changed.push([clientID, next])
      if (state === null) {
        if (prev?.state != null) removed.push(clientID)
      } else if (prev?.state == null) added.push(clientID)
    }
    this.prune(doc, room)
    return { changed: changed.length ? encodeStates(changed) : null, added, removed }
  }

  /** All live states of a document as one awareness update, or null when there are none. */
  snapshot(doc: string): Uint8Array | null {
    const room = this.rooms.get(doc)
    if (!room) return null
    const live = [...room].filter(([, s]) => s.state !== null)
    return live.length ? encodeStates(live) : null
  }

  /** Removes clients of a closed connection; returns the awareness update that tells the others. */
  forget(doc: string, ids: Iterable<number>): Uint8Array | null {
    const room = this.rooms.get(doc)
    if (!room) return null
    const gone: [number, ClientState][] = []
    for (const id of ids) {
      const s = room.get(id)
      if (!s || s.state === null) continue
      const next = { clock: s.clock + 1, state: null }
      room.set(id, next)
      gone.push([id, next])
    }
    this.prune(doc, room)
    return gone.length ? encodeStates(gone) : null
  }

  /** Removal clocks matter only while someone is connected: a room with no live state and no peer goes. */
  private prune(doc: string, room: Map<number, ClientState>): void {
    if (this.peers.has(doc)) return
    for (const s of room.values()) if (s.state !== null) return
    this.rooms.delete(doc)
  }
}

function encodeStates(entries: [number, ClientState][]): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, entries.length)
  for (const [id, s] of entries) {
    encoding.writeVarUint(e, id)
    encoding.writeVarUint(e, s.clock)
    encoding.writeVarString(e, s.state ?? 'null')
  }
  return encoding.toUint8Array(e)
}
