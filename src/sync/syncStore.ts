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

/** What the device knows of the relay's database, to notice it went back (restored from a backup). */
export interface RelayMark {
  /** The database's epoch; 0 when unknown. */
  epoch: number
  /** Highest sequence number the relay is known to have stored: the cursor or an ack of our own. */
  seenSeq: number
}

export const NO_RELAY_MARK: RelayMark = { epoch: 0, seenSeq: 0 }

export interface SyncStore {
  getDeviceId(): Promise<string>
  getCursor(): Promise<number>
  setCursor(cursor: number): Promise<void>
  getRelayMark(): Promise<RelayMark>
  setRelayMark(mark: RelayMark): Promise<void>
  /** Not yet acknowledged and not refused, oldest first. */
  pendingUpdates(limit: number): Promise<PendingUpdate[]>
  markAcked(localIds: number[]): Promise<void>
  /**
   * No longer returned by pendingUpdates; shown to the user. Refused for content or size (`bad-update`,
   * `too-large`): the store rolls the document back to the relay's state and keeps the text; otherwise
   * the update stays on the device.
   */
  markRejected(localIds: number[], code: string, message: string): Promise<void>
  /** Persist, apply to open docs, refresh projections. */
  applyRemote(items: RemoteUpdate[]): Promise<void>
  /**
   * Optional, for feed pages (pipelined): as applyRemote, with `cursor` stored in the same transaction as
   * the page's rows, so the two are durable together (the stored cursor never moves backwards). Pages are
   * stored in the order given. `after` is the cursor of the page handed over just before this one: this
   * page is stored only if that cursor is durable by then, else `stored` rejects and nothing of it is
   * written (a failed page never lets a later cursor skip its rows). Resolves as soon as the next page
   * may be handed over; `stored` resolves once this page and its cursor are durable. `summaries` are the
   * relay's list summaries of documents sent whole in this page (a hint: the store checks each one).
   */
  applyFeedPage?(
    items: RemoteUpdate[], cursor: number, after?: number, summaries?: ReadonlyMap<string, string>,
  ): Promise<{ stored: Promise<void> }>
  /** Access revoked. */
  removeDocs(names: string[]): Promise<void>
  stateVector(name: string): Promise<Uint8Array | null>
  /** Names of every document the device holds. */
  heldDocNames(): Promise<string[]>
  /**
   * The relay lost acknowledged updates (restored from a backup); `items` are its whole states (EMPTY_STATE
   * for a document it lacks entirely), already applied here. Queue as pending whatever this device holds
   * beyond them; returns how many documents needed it.
   */
  requeueBeyondRelay(items: RemoteUpdate[]): Promise<number>
  /** A new pending update (any tab). */
  onLocalChange(listener: () => void): () => void
}
