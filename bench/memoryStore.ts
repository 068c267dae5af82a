// The benchmark device's SyncStore: the app store's work without IndexedDB. Like src/store, it keeps
// each document's updates (bytes); what arrives is applied to the doc if a screen holds it open, else
// into a short-lived Y.Doc. The IndexedDB write and list projection are their own row (storeRowChild.ts).
import * as Y from 'yjs'
import { emptyDoc } from '../src/store/caseDoc'
import { beyondRelay } from '../src/sync/beyondRelay'
import { NO_RELAY_MARK, type PendingUpdate, type RelayMark, type RemoteUpdate, type SyncStore } from '../src/sync/syncStore'

interface OutboxRow extends PendingUpdate {
  state: 'pending' | 'acked' | 'rejected'
}

export class MemoryStore implements SyncStore {
  /** Each document's update log, as the device stores it. */
  private readonly logs = new Map<string, Uint8Array[]>()
  /** Documents a screen holds open (see hold). */
  private readonly open = new Map<string, Y.Doc>()
  private outbox: OutboxRow[] = []
  private readonly localListeners = new Set<() => void>()
  private readonly remoteListeners = new Set<(items: RemoteUpdate[]) => void>()
  private cursor = 0
  private relayMark: RelayMark = NO_RELAY_MARK
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
  async getRelayMark(): Promise<RelayMark> {
    return this.relayMark
  }
  async setRelayMark(mark: RelayMark): Promise<void> {
    this.relayMark = { ...mark }
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
    for (const { name, update } of items) {
      const log = this.logs.get(name) ?? []
      const held = this.open.get(name)
      if (held) {
        Y.applyUpdate(held, update, 'remote')
      } else {
        // As the app store does: the document rebuilt in a temporary Y.Doc with what arrived, then dropped.
        const doc = emptyDoc(name)
        Y.applyUpdate(doc, log.length ? Y.mergeUpdates([...log, update]) : update, 'remote')
        doc.destroy()
      }
      log.push(update.slice())
      this.logs.set(name, log)
    }
    for (const l of this.remoteListeners) l(items)
  }
  async removeDocs(names: string[]): Promise<void> {
    for (const n of names) {
      this.logs.delete(n)
      this.open.get(n)?.destroy()
      this.open.delete(n)
    }
  }

  /** Opens a document as a screen showing it does: later updates are applied to it directly. */
  hold(name: string): void {
    if (this.open.has(name)) return
    const doc = emptyDoc(name)
    const state = this.state(name)
    if (state) Y.applyUpdate(doc, state, 'remote')
    this.open.set(name, doc)
  }

  /** Closes every held document. */
  releaseAll(): void {
    for (const d of this.open.values()) d.destroy()
    this.open.clear()
  }
  async stateVector(name: string): Promise<Uint8Array | null> {
    const state = this.state(name)
    return state ? Y.encodeStateVectorFromUpdate(state) : null
  }
  async heldDocNames(): Promise<string[]> {
    return [...this.logs.keys()]
  }
  async requeueBeyondRelay(items: RemoteUpdate[]): Promise<number> {
    const extra: RemoteUpdate[] = []
    for (const { name, update } of items) {
      const local = this.state(name)
      const beyond = local ? beyondRelay(name, local, update) : null
      if (beyond) extra.push({ name, update: beyond })
    }
    if (extra.length) this.addLocal(extra)
    return extra.length
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

  /** The document's whole state as one update, or null when the device does not hold it. */
  state(name: string): Uint8Array | null {
    const log = this.logs.get(name)
    if (!log?.length) return null
    return log.length === 1 ? (log[0] as Uint8Array) : Y.mergeUpdates(log)
  }

  /** A local edit: queue it in the outbox (and the document's log) as the app would. */
  addLocal(items: RemoteUpdate[]): void {
    for (const { name, update } of items) {
      const log = this.logs.get(name) ?? []
      log.push(update)
      this.logs.set(name, log)
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
