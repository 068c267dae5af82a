// The benchmark device's SyncStore: a Y.Doc per document held in memory (as an open device holds
// them), an outbox, a cursor. No persistence: the store write is measured as its own row.
import * as Y from 'yjs'
import type { PendingUpdate, RemoteUpdate, SyncStore } from '../src/sync/syncStore'

interface OutboxRow extends PendingUpdate {
  state: 'pending' | 'acked' | 'rejected'
}

export class MemoryStore implements SyncStore {
  readonly docs = new Map<string, Y.Doc>()
  private outbox: OutboxRow[] = []
  private readonly localListeners = new Set<() => void>()
  private readonly remoteListeners = new Set<(items: RemoteUpdate[]) => void>()
  private cursor = 0
  private nextLocalId = 1
  /** Row ids the relay refused, with its reason. */
  readonly rejected: { localId: number; code: string; message: string }[] = []

  constructor(private readonly deviceId: string) {}

  async getDeviceId(): Promise<string> {
    return this.deviceId
  }
  async getCursor(): Promise<number> {
    return this.cursor
  }
  async setCursor(cursor: number): Promise<void> {
    this.cursor = cursor
  }
  async pendingUpdates(limit: number): Promise<PendingUpdate[]> {
    const out: PendingUpdate[] = []
    for (const r of this.outbox) {
      if (out.length >= limit) break
      if (r.state === 'pending') out.push({ localId: r.localId, name: r.name, update: r.update })
    }
    return out
  }
  async markAcked(localIds: number[]): Promise<void> {
    this.mark(localIds, 'acked')
  }
  async markRejected(localIds: number[], code: string, message: string): Promise<void> {
    this.mark(localIds, 'rejected')
    for (const localId of localIds) this.rejected.push({ localId, code, message })
  }
  async applyRemote(items: RemoteUpdate[]): Promise<void> {
    for (const { name, update } of items) Y.applyUpdate(this.doc(name), update, 'remote')
    for (const l of this.remoteListeners) l(items)
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
  onLocalChange(listener: () => void): () => void {
    this.localListeners.add(listener)
    return () => this.localListeners.delete(listener)
  }

  /** Called after every applyRemote, with what arrived (timing probes). */
  onRemote(listener: (items: RemoteUpdate[]) => void): () => void {
    this.remoteListeners.add(listener)
    return () => this.remoteListeners.delete(listener)
  }

  doc(name: string): Y.Doc {
    let d = this.docs.get(name)
    if (!d) {
      d = new Y.Doc()
      this.docs.set(name, d)
    }
    return d
  }

  /** A local edit: queue it in the outbox (and apply it to the open doc) as the app would. */
  addLocal(items: RemoteUpdate[]): void {
    for (const { name, update } of items) {
      Y.applyUpdate(this.doc(name), update, 'local')
      this.outbox.push({ localId: this.nextLocalId++, name, update, state: 'pending' })
    }
    for (const l of this.localListeners) l()
  }

  pendingCount(): number {
    let n = 0
    for (const r of this.outbox) if (r.state === 'pending') n++
    return n
  }

  private mark(localIds: number[], state: OutboxRow['state']): void {
    const ids = new Set(localIds)
    for (const r of this.outbox) if (ids.has(r.localId)) r.state = state
    // Acknowledged rows leave the outbox, as on a device.
    this.outbox = this.outbox.filter((r) => r.state !== 'acked')
  }
}
