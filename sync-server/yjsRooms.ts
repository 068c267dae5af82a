// The /yjs connections of each document and their awareness (cursors, presence); nothing is stored.
// States are parsed only to know which client ids a connection controls, so they can be cleared on close.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

interface ClientState {
  clock: number
  state: string
}

type Send = (data: Uint8Array) => void

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
    if (m && m.size === 0) this.peers.delete(doc)
  }

  broadcast(doc: string, data: Uint8Array, except: object | null): void {
    for (const [peer, send] of this.peers.get(doc) ?? []) if (peer !== except) send(data)
  }

  /** Records an awareness update; returns the client ids it mentions (throws on a malformed update). */
  apply(doc: string, update: Uint8Array): number[] {
    const d = decoding.createDecoder(update)
    const n = decoding.readVarUint(d)
    if (n > 10_000) throw new Error('too many awareness entries')
    let room = this.rooms.get(doc)
    if (!room) this.rooms.set(doc, (room = new Map()))
    const ids: number[] = []
    for (let i = 0; i < n; i++) {
      const clientID = decoding.readVarUint(d)
      const clock = decoding.readVarUint(d)
      const state = decoding.readVarString(d)
      const prev = room.get(clientID)
      if (!prev || prev.clock <= clock) {
        if (state === 'null') room.delete(clientID)
        else room.set(clientID, { clock, state })
      }
      ids.push(clientID)
    }
    if (room.size === 0) this.rooms.delete(doc)
    return ids
  }

  /** All known states of a document as one awareness update, or null when there are none. */
  snapshot(doc: string): Uint8Array | null {
    const room = this.rooms.get(doc)
    if (!room || room.size === 0) return null
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, room.size)
    for (const [id, s] of room) {
      encoding.writeVarUint(e, id)
      encoding.writeVarUint(e, s.clock)
      encoding.writeVarString(e, s.state)
    }
    return encoding.toUint8Array(e)
  }

  /** Removes clients of a closed connection; returns the awareness update that tells the others. */
  forget(doc: string, ids: Iterable<number>): Uint8Array | null {
    const room = this.rooms.get(doc)
    if (!room) return null
    const gone: [number, number][] = []
    for (const id of ids) {
      const s = room.get(id)
      if (!s) continue
      room.delete(id)
      gone.push([id, s.clock + 1])
    }
    if (room.size === 0) this.rooms.delete(doc)
    if (gone.length === 0) return null
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, gone.length)
    for (const [id, clock] of gone) {
      encoding.writeVarUint(e, id)
      encoding.writeVarUint(e, clock)
      encoding.writeVarString(e, 'null')
    }
    return encoding.toUint8Array(e)
  }
}
