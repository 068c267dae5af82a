// The one Dexie database of the device: update log, doc states, case projections, meta, resources.
import Dexie, { type Table } from 'dexie'
import type { CaseSummary, Resource } from '../domain'
import type { StoredBytes } from './docCodec'

export const DEFAULT_DB_NAME = 'doum'

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

export interface DocRow {
  name: string
  kind: string
  /** 1 while any row of this document is not acknowledged. */
  hasPending: 0 | 1
  rejectedCount: number
  rejectedMessage?: string
  updatedAt: string
}

/** Projection row: indexes hold only stage, 0/1 due flags and dates; names stay inside `summary`. */
export interface CaseRow {
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
  summary: CaseSummary
}

export interface MetaRow {
  key: string
  value: unknown
}

export class DoumDb extends Dexie {
  updates!: Table<UpdateRow, number>
  docs!: Table<DocRow, string>
  cases!: Table<CaseRow, string>
  meta!: Table<MetaRow, string>
  resources!: Table<Resource, string>

  constructor(name: string) {
    super(name)
    this.version(1).stores({
      updates: '++localId, [docName+localId], [docName+acked], acked',
      docs: 'name, [kind+hasPending], rejectedCount',
      cases:
        'id, stage, updatedAt, dueDay, assessmentOverdue, planOverdue, visitOverdue, monitoringDue, noContact3m, followUpDue',
      meta: 'key',
      resources: 'id',
    })
  }
}

let current: DoumDb | null = null
const closeHooks = new Set<() => void>()

/** Opens (or switches to) the named database; tests pass a fresh name each. */
export function openStore(name: string = DEFAULT_DB_NAME): DoumDb {
  if (current && current.name === name) return current
  if (current) closeStore()
  current = new DoumDb(name)
  return current
}

export function getDb(): DoumDb {
  return current ?? openStore()
}

/** Closes the database and drops every open document and in-memory index. */
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
