// What the sync engine needs from the device's storage. src/store implements it over Dexie;
// tests/support/memoryDevice.ts implements it in memory.

export interface PendingUpdate {
  localId: number
  name: string
  update: Uint8Array
}

export interface RemoteUpdate {
  name: string
  update: Uint8Array
}

export interface SyncStore {
  getDeviceId(): Promise<string>
  getCursor(): Promise<number>
  setCursor(cursor: number): Promise<void>
  /** Not yet acknowledged and not refused, oldest first. */
  pendingUpdates(limit: number): Promise<PendingUpdate[]>
  markAcked(localIds: number[]): Promise<void>
  /** Stays on device, shown to user; no longer returned by pendingUpdates. */
  markRejected(localIds: number[], code: string, message: string): Promise<void>
  /** Persist, apply to open docs, refresh projections. */
  applyRemote(items: RemoteUpdate[]): Promise<void>
  /** Access revoked. */
  removeDocs(names: string[]): Promise<void>
  stateVector(name: string): Promise<Uint8Array | null>
  /** A new pending update (any tab). */
  onLocalChange(listener: () => void): () => void
}
