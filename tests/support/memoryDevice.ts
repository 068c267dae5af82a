// An in-memory SyncStore: a test double of the device's STORE (a Y.Doc per document, an outbox
// with localIds, a cursor), so the real sync engine can run in Node against a real relay.
import * as Y from 'yjs'
import { beyondRelay } from '../../src/sync/beyondRelay'
import { NO_RELAY_MARK, type PendingUpdate, type RelayMark, type RemoteUpdate, type SyncStore } from '../../src/sync/syncStore'

const REMOTE = Symbol('remote')

export interface OutboxRow extends PendingUpdate {
  state: 'pending' | 'acked' | 'rejected'
  code?: string
}

export class MemoryDevice implements SyncStore {
  readonly docs = new Map<string, Y.Doc>()
  readonly outbox: OutboxRow[] = []
  cursor = 0
  relayMark: RelayMark = NO_RELAY_MARK
  /** Every item received through applyRemote, in order (for "only what changed" checks). */
  readonly received: RemoteUpdate[] = []
  /** Order of store calls made by the engine, e.g. `apply:2`, `cursor:9`. */
  readonly log: string[] = []
  private nextLocalId = 1
  private listeners = new Set<() => void>()

  constructor(readonly deviceId: string = crypto.randomUUID()) {}

  doc(name: string): Y.Doc {
    let d = this.docs.get(name)
    if (!d) {
      d = new Y.Doc()
      d.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === REMOTE) return
        this.outbox.push({ localId: this.nextLocalId++, name, update, state: 'pending' })
        for (const l of [...this.listeners]) l()
      })
      this.docs.set(name, d)
    }
    return d
  }

  /** A local edit in one transaction; returns the localId of the outbox row it produced. */
  edit(name: string, fn: (doc: Y.Doc) => void): number {
    const before = this.nextLocalId
    this.doc(name).transact(() => fn(this.doc(name)))
    return this.nextLocalId > before ? this.nextLocalId - 1 : -1
  }

  pendingCount(): number {
    return this.outbox.filter((r) => r.state === 'pending').length
  }

  rowState(localId: number): OutboxRow['state'] | undefined {
    return this.outbox.find((r) => r.localId === localId)?.state
  }

  async getDeviceId(): Promise<string> {
    return this.deviceId
  }

  async getCursor(): Promise<number> {
    return this.cursor
  }

  async setCursor(cursor: number): Promise<void> {
    this.cursor = cursor
    this.log.push(`cursor:${cursor}`)
  }

  async getRelayMark(): Promise<RelayMark> {
    return this.relayMark
  }

  async setRelayMark(mark: RelayMark): Promise<void> {
    this.relayMark = { ...mark }
    this.log.push(`mark:${mark.epoch}/${mark.seenSeq}`)
  }

  async pendingUpdates(limit: number): Promise<PendingUpdate[]> {
    return this.outbox
      .filter((r) => r.state === 'pending')
      .slice(0, limit)
      .map(({ localId, name, update }) => ({ localId, name, update }))
  }

  async markAcked(localIds: number[]): Promise<void> {
    const ids = new Set(localIds)
    for (const r of this.outbox) if (ids.has(r.localId) && r.state === 'pending') r.state = 'acked'
  }

  async markRejected(localIds: number[], code: string): Promise<void> {
    const ids = new Set(localIds)
    for (const r of this.outbox)
      if (ids.has(r.localId)) {
        r.state = 'rejected'
        r.code = code
      }
  }

  async applyRemote(items: RemoteUpdate[]): Promise<void> {
    this.log.push(`apply:${items.length}`)
    for (const it of items) {
      this.received.push(it)
      Y.applyUpdate(this.doc(it.name), it.update, REMOTE)
    }
  }

  async removeDocs(names: string[]): Promise<void> {
    for (const n of names) {
      this.docs.get(n)?.destroy()
      this.docs.delete(n)
    }
  }

  async stateVector(name: string): Promise<Uint8Array | null> {
    const d = this.docs.get(name)
    return d ? Y.encodeStateVector(d) : null
  }

  async heldDocNames(): Promise<string[]> {
    return [...this.docs.keys()]
  }

  /** Compares the whole doc (pending content included: a duplicate is harmless to Yjs). */
  async requeueBeyondRelay(items: RemoteUpdate[]): Promise<number> {
    let n = 0
    for (const { name, update } of items) {
      const d = this.docs.get(name)
      const extra = d ? beyondRelay(name, Y.encodeStateAsUpdate(d), update) : null
      if (!extra) continue
      this.outbox.push({ localId: this.nextLocalId++, name, update: extra, state: 'pending' })
      n++
    }
    this.log.push(`requeue:${n}`)
    if (n) for (const l of [...this.listeners]) l()
    return n
  }

  onLocalChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
