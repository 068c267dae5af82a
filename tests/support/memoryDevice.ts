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

/**
 * A MemoryDevice that takes feed pages pipelined (SyncStore.applyFeedPage) by the rules of the real
 * store: pages become durable in the order handed over, each with its cursor; a page whose `after`
 * cursor is not durable when its turn comes is refused. With `manual`, the test decides when each
 * page's write ends (`commit`) or fails (`failPage`); otherwise it ends on the next macrotask.
 */
export class PipelinedMemoryDevice extends MemoryDevice {
  manual = false
  private tail: Promise<unknown> = Promise.resolve()
  private readonly gates = new Map<number, { open: () => void; fail: (err: Error) => void }>()

  async applyFeedPage(items: RemoteUpdate[], cursor: number, after?: number): Promise<{ stored: Promise<void> }> {
    this.log.push(`stage:${cursor}`)
    const gate = new Promise<void>((open, fail) => this.gates.set(cursor, { open, fail }))
    if (!this.manual) setTimeout(() => this.commit(cursor), 0)
    const prev = this.tail
    const stored = (async () => {
      await prev.catch(() => undefined)
      await gate
      if (after !== undefined && this.cursor < after) throw new Error(`page ${cursor}: page ${after} is not stored`)
      for (const it of items) {
        this.received.push(it)
        Y.applyUpdate(this.doc(it.name), it.update, REMOTE)
      }
      if (cursor > this.cursor) this.cursor = cursor
      this.log.push(`stored:${cursor}`)
    })()
    this.tail = stored
    return { stored }
  }

  /** Lets the page with this cursor be written (it still waits for the pages before it). */
  commit(cursor: number): void {
    this.gates.get(cursor)?.open()
  }

  /** The write of the page with this cursor fails (a full disk, an aborted transaction). */
  failPage(cursor: number): void {
    this.gates.get(cursor)?.fail(new Error(`page ${cursor} failed`))
  }

  staged(): number[] {
    return this.log.filter((l) => l.startsWith('stage:')).map((l) => Number(l.slice(6)))
  }
}
