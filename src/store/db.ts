// One Dexie database per user on this device (`doum-user-<id>`): update log, doc states, case
// projections, meta, resources. It opens only with the user's data key, which lives in memory
// while the app is unlocked; everything about people in it is sealed with that key (docCodec.ts).
import Dexie, { type Table } from 'dexie'
import type { CaseSummary, Resource } from '../domain'
import type { StoredBytes } from './docCodec'

/** The single plaintext database of versions before per-user encryption; migrated, then deleted. */
export const LEGACY_DB_NAME = 'doum'

export function userDbName(userId: string): string {
  return `doum-user-${userId}`
}

/** The store is locked: no data key in memory. */
export class StoreLockedError extends Error {
  constructor() {
    super('the device store is locked')
    this.name = 'StoreLockedError'
  }
}

/** One Yjs update (or a compacted snapshot of acknowledged ones) of one document. */
export interface UpdateRow {
  localId?: number
  docName: string
  bytes: StoredBytes
  /** 1 once the relay acknowledged it (or it came from the relay). */
  acked: 0 | 1
  rejectedCode?: string
  rejectedMessage?: string
  createdAt: string
}

/** An update as read back (docStore.readRows): a row of `updates`, or a part of a pack (`packId`, no localId). */
export interface StoredRow extends UpdateRow {
  packId?: number
}

/** The first states of documents new to this device, one record per feed page (packs.ts). */
export interface PackRow {
  id?: number
  /** The document of each part; a name may repeat (a large document in pieces). */
  docNames: string[]
  parts: StoredBytes[]
  createdAt: string
}

export interface DocRow {
  name: string
  kind: string
  /** 1 while any row of this document is not acknowledged. */
  hasPending: 0 | 1
  rejectedCount: number
  rejectedMessage?: string
  updatedAt: string
}

/** Projection row: plain columns hold only stage, 0/1 due flags and dates (only dueDay is indexed); names stay inside `summary`. */
interface CaseRowKeys {
  id: string
  stage: string
  updatedAt: string
  /** Seoul day the due flags were computed for; stale rows are recomputed. */
  dueDay: string
  assessmentOverdue: 0 | 1
  planOverdue: 0 | 1
  visitOverdue: 0 | 1
  monitoringDue: 0 | 1
  noContact3m: 0 | 1
  followUpDue: 0 | 1
}

/** The projection row in memory. */
export interface CaseRow extends CaseRowKeys {
  summary: CaseSummary
}

/** The projection row on disk: the summary (names, address) sealed, bound to the case id. */
export interface StoredCaseRow extends CaseRowKeys {
  sealed: Uint8Array
}

export interface MetaRow {
  key: string
  value: unknown
}

export class DoumDb extends Dexie {
  updates!: Table<UpdateRow, number>
  docs!: Table<DocRow, string>
  cases!: Table<StoredCaseRow, string>
  meta!: Table<MetaRow, string>
  resources!: Table<Resource, string>
  packs!: Table<PackRow, number>

  /** The data key this database's sealed values are read and written with. */
  readonly key: CryptoKey

  constructor(name: string, key: CryptoKey) {
    super(name)
    this.key = key
    this.version(1).stores({
      updates: '++localId, [docName+localId], [docName+acked], acked',
      docs: 'name, [kind+hasPending], rejectedCount',
      cases:
        'id, stage, updatedAt, dueDay, assessmentOverdue, planOverdue, visitOverdue, monitoringDue, noContact3m, followUpDue',
      meta: 'key',
      resources: 'id',
    })
    // 2: lists filter and sort in memory (caseIndex.ts), so the case rows keep only the dueDay index
    // the daily refresh reads; each of the eight dropped ones cost a B-tree write per row in a sync.
    this.version(2).stores({ cases: 'id, dueDay' })
    // 3: a feed page's documents new to the device go in one pack record (packs.ts), not a row each.
    this.version(3).stores({ packs: '++id, *docNames' })
  }
}

let current: DoumDb | null = null
const closeHooks = new Set<() => void>()

/** Opens (or switches to) the named database with its data key; tests pass a fresh name each. */
export function openStore(name: string, key: CryptoKey): DoumDb {
  if (current && current.name === name && current.key === key) return current
  if (current) closeStore()
  current = new DoumDb(name, key)
  return current
}

export function getDb(): DoumDb {
  if (!current) throw new StoreLockedError()
  return current
}

export function isStoreOpen(): boolean {
  return current !== null
}

/** Closes the database, forgets the key and drops every open document and in-memory index. */
export function closeStore(): void {
  for (const hook of closeHooks) hook()
  current?.close()
  current = null
}

/** Modules with in-memory state register here so closeStore resets them. */
export function onStoreClose(hook: () => void): void {
  closeHooks.add(hook)
}

export function docKindOf(name: string): string {
  const slash = name.indexOf('/')
  return slash < 0 ? 'unknown' : name.slice(0, slash)
}

/** The doc row once it has updates waiting for the relay; refusal details already recorded stay. */
export function pendingDocRow(name: string, prev: DocRow | undefined, updatedAt: string): DocRow {
  return {
    name,
    kind: docKindOf(name),
    hasPending: 1,
    rejectedCount: prev?.rejectedCount ?? 0,
    ...(prev?.rejectedMessage ? { rejectedMessage: prev.rejectedMessage } : {}),
    updatedAt,
  }
}

export function nowIso(): string {
  return new Date().toISOString()
}
