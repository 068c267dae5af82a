// One Y.Doc per document, loaded from its update log in Dexie and cached while open. Every local
// Yjs update is appended as its own row right away (no debounce, no unload handler); relay updates
// are stored as acknowledged rows. Compaction merges only acknowledged rows.
import Dexie from 'dexie'
import * as Y from 'yjs'
import { decodeRelaySummary, todayInSeoul, usesDefaultDeadlines } from '../domain'
import { onBroadcast, postBroadcast, closeBroadcast } from './broadcast'
import type { BroadcastMessage } from './broadcast'
import { caseIdOf, emptyDoc, isCaseDoc } from './caseDoc'
import { emitChange } from './changes'
import { docKindOf, getDb, isStoreOpen, nowIso, onStoreClose, pendingDocRow, StoreLockedError } from './db'
import type { CaseRow, DocRow, DoumDb, StoredRow } from './db'
import { decodeMany, encodeForStorage, encodeMany } from './docCodec'
import { heldNames as readHeldNames, newPack, packedRows, packsOf, unpackDocs } from './packs'
import { projectDoc, sealCaseRows, STALE_DUE_DAY, toCaseRow } from './projection'
import { getSettings } from './storageMeta'
import type { Settings } from './storageMeta'

/** Transaction origin of changes that came from elsewhere (relay, other tab, load): not persisted again. */
export const REMOTE_ORIGIN = Symbol('doum-remote')
/** Past this many acknowledged rows a document's acknowledged rows are merged into one. */
export const COMPACT_THRESHOLD = 50
/** Documents kept in memory when nobody holds them. */
const MAX_IDLE_DOCS = 30

interface OpenDoc {
  doc: Y.Doc
  queue: Uint8Array[]
  /** Resolves (never rejects) when everything queued so far has been tried; see `error`. */
  written: Promise<void>
  scheduled: boolean
  error: unknown
  holds: number
  lastUsed: number
}

const open = new Map<string, OpenDoc>()
const loading = new Map<string, { promise: Promise<OpenDoc>; early: Uint8Array[] }>()
const compacting = new Set<string>()
// Writes are serialised so rows keep the order the updates were made in.
let writeChain: Promise<void> = Promise.resolve()
let unwire: (() => void) | null = null

export function docRange(name: string): [unknown[], unknown[]] {
  return [
    [name, Dexie.minKey],
    [name, Dexie.maxKey],
  ]
}

/** The tables a document's stored updates live in: a transaction around readRows must include both. */
export function rowTables(db: DoumDb) {
  return [db.updates, db.packs]
}

/** Every stored update of `name`: its parts in packs (packs.ts) first, then its rows in order. */
export function readRows(db: DoumDb, name: string): Promise<StoredRow[]> {
  const [lo, hi] = docRange(name)
  // One transaction, so a compaction moving a part into a row cannot fall between the two reads.
  return db.transaction('r', rowTables(db), async () => {
    const [packs, rows] = await Promise.all([packsOf(db, name), db.updates.where('[docName+localId]').between(lo, hi, true, true).toArray()])
    return packs.length ? [...packedRows(packs, name), ...rows] : rows
  })
}

/** Every stored update of `name`, unsealed (packed parts and rows), in the order readRows gives. */
export async function readUpdates(db: DoumDb, name: string): Promise<Uint8Array[]> {
  return decodeMany(db.key, name, (await readRows(db, name)).map((r) => r.bytes))
}

function wire(): void {
  if (unwire) return
  unwire = onBroadcast(handleBroadcast)
}

onStoreClose(() => {
  for (const entry of open.values()) entry.doc.destroy()
  open.clear()
  loading.clear()
  compacting.clear()
  unwire?.()
  unwire = null
  closeBroadcast()
  writeChain = Promise.resolve()
})

/** Opens (loads or returns the cached) Y.Doc of `name`; an unknown name gives an empty doc. */
export async function openDoc(name: string): Promise<Y.Doc> {
  return (await openEntry(name)).doc
}

async function openEntry(name: string): Promise<OpenDoc> {
  wire()
  const cached = open.get(name)
  if (cached) {
    cached.lastUsed = Date.now()
    return cached
  }
  const inFlight = loading.get(name)
  if (inFlight) return inFlight.promise
  const early: Uint8Array[] = []
  const promise = (async () => {
    const db = getDb()
    const updates = await readUpdates(db, name)
    const doc = emptyDoc(name)
    if (updates.length) Y.applyUpdate(doc, Y.mergeUpdates(updates), REMOTE_ORIGIN)
    // Updates broadcast by another tab while we were reading.
    for (const u of early) Y.applyUpdate(doc, u, REMOTE_ORIGIN)
    const entry: OpenDoc = {
      doc,
      queue: [],
      written: Promise.resolve(),
      scheduled: false,
      error: undefined,
      holds: 0,
      lastUsed: Date.now(),
    }
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE_ORIGIN) enqueueLocal(name, entry, update)
    })
    open.set(name, entry)
    loading.delete(name)
    evictIdle()
    return entry
  })()
  loading.set(name, { promise, early })
  try {
    return await promise
  } catch (err) {
    loading.delete(name)
    throw err
  }
}

/** Keeps a doc in memory while a screen shows it; returns the release function. */
export async function holdDoc(name: string): Promise<{ doc: Y.Doc; release: () => void }> {
  const entry = await openEntry(name)
  entry.holds++
  let released = false
  return {
    doc: entry.doc,
    release: () => {
      if (released) return
      released = true
      entry.holds--
      entry.lastUsed = Date.now()
    },
  }
}

export function openDocIfLoaded(name: string): Y.Doc | undefined {
  return open.get(name)?.doc
}

function evictIdle(): void {
  if (open.size <= MAX_IDLE_DOCS) return
  const idle = [...open.entries()]
    .filter(([, e]) => e.holds === 0 && e.queue.length === 0)
    .sort((a, b) => a[1].lastUsed - b[1].lastUsed)
  for (const [name, e] of idle.slice(0, open.size - MAX_IDLE_DOCS)) {
    // The doc is dropped only after its queued writes are done.
    void e.written.then(() => {
      if (open.get(name) === e && e.holds === 0 && e.queue.length === 0) {
        open.delete(name)
        e.doc.destroy()
      }
    })
  }
}

function enqueueLocal(name: string, entry: OpenDoc, update: Uint8Array): void {
  entry.queue.push(update)
  if (entry.scheduled) return // the scheduled flush takes this update too
  entry.scheduled = true
  const run = writeChain
    .then(() => {
      entry.scheduled = false
      return flushLocal(name, entry)
    })
    .then(
      () => {
        entry.error = undefined
      },
      (err: unknown) => {
        entry.error = err
      },
    )
  writeChain = run
  entry.written = run
}

async function flushLocal(name: string, entry: OpenDoc): Promise<void> {
  const batch = entry.queue.splice(0)
  if (!batch.length) return
  const db = getDb()
  try {
    const stored = await encodeMany(db.key, name, batch)
    const settings = await getSettings()
    const projected = projectDoc(name, entry.doc, todayInSeoul(), settings)
    const caseRow = projected ? (await sealCaseRows(db.key, [projected]))[0] : undefined
    const at = nowIso()
    await db.transaction('rw', db.updates, db.docs, db.cases, async () => {
      await db.updates.bulkAdd(stored.map((bytes) => ({ docName: name, bytes, acked: 0 as const, createdAt: at })))
      await db.docs.put(pendingDocRow(name, await db.docs.get(name), at))
      if (caseRow) await db.cases.put(caseRow)
    })
  } catch (err) {
    // Keep the updates queued so the next change retries them; the doc itself still holds them.
    entry.queue.unshift(...batch)
    // A lock or logout closed the store meanwhile: expected, and said nowhere else.
    const closed = (err as Error).name === 'DatabaseClosedError' || (err as Error).name === 'StoreLockedError'
    if (!closed) console.error('saving a document change failed', (err as Error).name)
    throw err
  }
  if (feedHeld?.db === db) noteHeld([name])
  postBroadcast({ type: 'updates', items: batch.map((update) => ({ name, update, local: true })) })
  emitChange({ names: [name], local: true })
  track(compactMany([name]))
}

/** Resolves once every local change of `name` made so far is stored (commands await this). */
export async function whenWritten(name: string): Promise<void> {
  const entry = open.get(name)
  if (!entry) return
  await entry.written
  if (entry.error) throw entry.error
}

/** Resolves once every queued local change of every open doc is stored. */
export async function whenAllWritten(): Promise<void> {
  await Promise.all([...open.values()].map((e) => e.written))
  await Promise.all([...background])
}

function handleBroadcast(message: BroadcastMessage): void {
  if (message.type === 'updates') {
    const names = new Set<string>()
    noteHeld(message.items.map((i) => i.name))
    for (const item of message.items) {
      names.add(item.name)
      const entry = open.get(item.name)
      if (entry) Y.applyUpdate(entry.doc, item.update, REMOTE_ORIGIN)
      else loading.get(item.name)?.early.push(item.update)
    }
    emitChange({ names: [...names], local: message.items.some((i) => i.local) })
  } else if (message.type === 'removed') {
    dropOpenDocs(message.names)
    emitChange({ names: message.names, local: false })
  } else if (message.type === 'stored') {
    noteHeld(message.names)
    void readIntoOpenDocs(message.names).then(
      () => emitChange({ names: message.names, local: false }),
      () => undefined, // locked meanwhile: the next open reads the rows anyway
    )
  } else {
    emitChange({ names: message.names, local: false })
  }
}

/** Applies the stored rows of those of `names` open (or loading) in this tab to their docs. */
async function readIntoOpenDocs(names: readonly string[]): Promise<void> {
  for (const name of names) {
    if (!open.has(name) && !loading.has(name)) continue
    await whenLoaded(name)
    const entry = open.get(name)
    if (!entry) continue
    const db = getDb()
    const updates = await readUpdates(db, name)
    if (updates.length && open.get(name) === entry) Y.applyUpdate(entry.doc, Y.mergeUpdates(updates), REMOTE_ORIGIN)
  }
}

function dropOpenDocs(names: readonly string[]): void {
  for (const name of names) {
    const entry = open.get(name)
    if (!entry) continue
    open.delete(name)
    entry.doc.destroy()
  }
}

/** Stores relay updates as acknowledged rows in one transaction, applies them to open docs and projections. */
export async function applyRemoteUpdates(items: readonly { name: string; update: Uint8Array }[]): Promise<void> {
  await (await stageRemoteUpdates(items)).stored
}

/** A feed page came after a page that was not stored: storing it (and its cursor) would skip those rows. */
export class FeedGapError extends Error {
  override name = 'FeedGapError'
  constructor() {
    super('the feed page before this one was not stored')
  }
}

/** Documents projected between two yields to the event loop (keeps each task of a sync page short). */
export const PROJECT_SLICE = 25
// Relay pages are prepared in order: a page's reads (rows of documents already held, see feedHeld)
// start only once the previous page's write transaction exists, so IndexedDB runs them after it.
let remoteChain: Promise<void> = Promise.resolve()
onStoreClose(() => {
  remoteChain = Promise.resolve()
})

/** Lets the browser paint and handle input between slices; scheduler.yield where there is one. */
export function yieldToLoop(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (s?.yield) return s.yield()
  if (typeof MessageChannel === 'function') {
    // Not setTimeout: nested timers are clamped to 4 ms each.
    return new Promise((resolve) => {
      const { port1, port2 } = new MessageChannel()
      port1.onmessage = () => {
        port1.close()
        resolve()
      }
      port2.postMessage(null)
    })
  }
  return new Promise((resolve) => setTimeout(resolve, 0))
}

export interface FeedPosition {
  /** The feed cursor after these updates, stored in the same transaction (feed pages). */
  cursor?: number
  /** The cursor of the previous feed page: this page is stored only once that one is durable. */
  after?: number
  /** The relay's list summaries of documents sent whole in this page (src/domain/relaySummary.ts). */
  summaries?: ReadonlyMap<string, string>
}

/**
 * Prepares relay updates (open docs, projections, encryption) and queues their write transaction; a
 * `cursor` is stored in that same transaction, so a page and its cursor are durable together. Resolves
 * once the next page may be prepared; `stored` resolves when this one is durable (then other tabs and
 * the list are told). The database is taken now: a page left over from a locked or switched store
 * fails instead of reaching the next one.
 */
export function stageRemoteUpdates(
  items: readonly { name: string; update: Uint8Array }[],
  position: FeedPosition = {},
): Promise<{ stored: Promise<void> }> {
  if (!items.length && position.cursor === undefined) return Promise.resolve({ stored: Promise.resolve() })
  const db = getDb()
  wire()
  const settings = getSettings()
  settings.catch(() => undefined) // awaited below; not an unhandled rejection if we fail first
  const held = position.cursor === undefined ? null : feedHeldNames(db, position.after === undefined)
  const prev = remoteChain
  let release!: () => void
  remoteChain = new Promise((resolve) => (release = resolve))
  return (async () => {
    try {
      await prev
      return await prepareRemote(db, items, position, settings, release, held)
    } catch (err) {
      release()
      throw err
    }
  })()
}

/**
 * The names of the documents the device held when this feed session started, plus every one this tab
 * stored or heard of since. A feed page asks it which of its documents have rows to merge instead of
 * reading `docs`: that read would wait for the previous page's write transaction, and so serialise
 * projecting page k+1 behind storing page k. Names here that hold nothing only cost a read; a document
 * given rows by another path mid-feed (none in a first sync) would be projected from the page alone
 * until its next change, its rows all kept.
 */
let feedHeld: { db: DoumDb; names: Set<string>; ready: Promise<Set<string>> } | null = null
onStoreClose(() => {
  feedHeld = null
})

function feedHeldNames(db: DoumDb, fresh: boolean): Promise<Set<string>> {
  if (fresh || !feedHeld || feedHeld.db !== db) {
    const names = new Set<string>()
    const ready = readHeldNames(db).then((keys) => {
      for (const k of keys) names.add(k)
      return names
    })
    ready.catch(() => undefined) // awaited by the page; not an unhandled rejection if it fails first
    feedHeld = { db, names, ready }
  }
  return feedHeld.ready
}

function noteHeld(names: Iterable<string>): void {
  if (!feedHeld) return
  for (const n of names) feedHeld.names.add(n)
}

function assertCurrent(db: DoumDb): void {
  if (!isStoreOpen() || getDb() !== db) throw new StoreLockedError()
}

async function prepareRemote(
  db: DoumDb,
  items: readonly { name: string; update: Uint8Array }[],
  { cursor, after, summaries }: FeedPosition,
  settingsPromise: Promise<Settings>,
  created: () => void,
  heldNames: Promise<Set<string>> | null,
): Promise<{ stored: Promise<void> }> {
  const byName = new Map<string, Uint8Array[]>()
  for (const it of items) {
    const list = byName.get(it.name)
    if (list) list.push(it.update)
    else byName.set(it.name, [it.update])
  }
  const names = [...byName.keys()]
  // Sealing runs (in WebCrypto) while the page is projected.
  const sealing = encodeMany(db.key, items.map((i) => i.name), items.map((i) => i.update))
  sealing.catch(() => undefined)
  const settings = await settingsPromise
  const today = todayInSeoul()

  // Case docs not in memory: rebuild them from their rows just long enough to project. Only docs the
  // device already holds have rows (one bulk read tells which; a first sync has none to read).
  const closedCases = names.filter((n) => isCaseDoc(n) && !open.has(n))
  const existing = new Map<string, Uint8Array[]>()
  // A feed page's documents new to this device go into one pack (packs.ts); the others get rows.
  const known = heldNames ? await heldNames : null
  const packed = new Set(known ? names.filter((n) => !known.has(n)) : [])
  if (closedCases.length) {
    let heldCases: string[]
    if (known) {
      heldCases = closedCases.filter((n) => known.has(n))
    } else {
      const held = await db.docs.bulkGet(closedCases)
      heldCases = closedCases.filter((_, i) => held[i] !== undefined)
    }
    if (heldCases.length) {
      const rowsByName = await db.transaction('r', rowTables(db), () => Promise.all(heldCases.map((n) => readRows(db, n))))
      const decoded = await Promise.all(rowsByName.map((rows, i) => decodeMany(db.key, heldCases[i] as string, rows.map((r) => r.bytes))))
      heldCases.forEach((n, i) => existing.set(n, decoded[i] ?? []))
    }
  }

  const projected: CaseRow[] = []
  let staleDue = false
  const appliedTo = new Map<string, OpenDoc>()
  let sinceYield = 0
  for (const [name, updates] of byName) {
    // Open docs are this user's: never apply another store's page to them.
    assertCurrent(db)
    const entry = open.get(name)
    if (entry) {
      entry.doc.transact(() => {
        for (const u of updates) Y.applyUpdate(entry.doc, u, REMOTE_ORIGIN)
      }, REMOTE_ORIGIN)
      appliedTo.set(name, entry)
      const row = projectDoc(name, entry.doc, today, settings)
      if (row) projected.push(row)
    } else {
      // Being loaded from rows that may not hold these yet: applied once loaded (twice is harmless).
      loading.get(name)?.early.push(...updates)
      // New to this device and summarised by the relay: listed from that summary, no Y.Doc built.
      const hinted = existing.has(name) ? null : rowFromRelay(name, summaries?.get(name), today, settings)
      if (hinted) {
        projected.push(hinted)
        if (hinted.dueDay !== today) staleDue = true
      } else if (isCaseDoc(name)) {
        const temp = emptyDoc(name)
        const before = existing.get(name) ?? []
        const merged = before.length || updates.length > 1 ? Y.mergeUpdates([...before, ...updates]) : (updates[0] as Uint8Array)
        Y.applyUpdate(temp, merged, REMOTE_ORIGIN)
        const row = projectDoc(name, temp, today, settings)
        if (row) projected.push(row)
        temp.destroy()
      }
    }
    if (++sinceYield >= PROJECT_SLICE) {
      sinceYield = 0
      await yieldToLoop()
    }
  }
  const [bytes, caseRows] = await Promise.all([sealing, sealCaseRows(db.key, projected)])

  if (feedHeld?.db === db) noteHeld(names)
  const at = nowIso()
  const newDocs = new Set<string>(packed)
  const rowNames = names.filter((n) => !packed.has(n))
  const rowItems: { name: string; bytes: Uint8Array }[] = []
  const packNames: string[] = []
  const packParts: Uint8Array[] = []
  items.forEach((it, i) => {
    if (packed.has(it.name)) {
      packNames.push(it.name)
      packParts.push(bytes[i] as Uint8Array)
    } else rowItems.push({ name: it.name, bytes: bytes[i] as Uint8Array })
  })
  const tables = [db.updates, db.docs, db.cases, ...(cursor === undefined ? [] : [db.meta, db.packs])]
  const write = db.transaction('rw', tables, async () => {
    created()
    // Everything of the page is asked for at once: two round trips to IndexedDB, not six, each of which
    // would wait behind the main thread's work on the next page. A gap found below throws, which aborts
    // the transaction and so undoes the writes already issued.
    const [durableRow, prevRows] = await Promise.all([
      cursor === undefined ? undefined : db.meta.get('cursor'),
      rowNames.length ? db.docs.bulkGet(rowNames) : [],
      rowItems.length
        ? db.updates.bulkAdd(rowItems.map((it) => ({ docName: it.name, bytes: it.bytes, acked: 1 as const, createdAt: at })))
        : undefined,
      packNames.length ? db.packs.add(newPack(packNames, packParts, at)) : undefined,
      caseRows.length ? db.cases.bulkPut(caseRows) : undefined,
    ])
    const durable = (durableRow?.value as number | undefined) ?? 0
    // Runs after the previous page's transaction ended: if that one failed, its cursor is not here.
    if (cursor !== undefined && after !== undefined && durable < after) throw new FeedGapError()
    const docRows: DocRow[] = rowNames.map((name, i) => {
      const prev = prevRows[i]
      if (!prev) newDocs.add(name)
      return { name, kind: docKindOf(name), hasPending: prev?.hasPending ?? 0, rejectedCount: prev?.rejectedCount ?? 0, updatedAt: at }
    })
    await Promise.all([
      docRows.length ? db.docs.bulkPut(docRows) : undefined,
      cursor !== undefined && cursor > durable ? db.meta.put({ key: 'cursor', value: cursor }) : undefined,
    ])
  })
  // The next page waits for this transaction to exist (or to have failed).
  write.then(created, created)
  const stored = write.then(() => {
    // Locked or switched meanwhile: the rows are stored, but nothing of them reaches the next user's tab.
    if (!items.length || !isStoreOpen() || getDb() !== db) return
    // Docs opened while this page was prepared read their rows before it was stored.
    for (const [name, updates] of byName) {
      const entry = open.get(name)
      if (entry && appliedTo.get(name) !== entry) {
        entry.doc.transact(() => {
          for (const u of updates) Y.applyUpdate(entry.doc, u, REMOTE_ORIGIN)
        }, REMOTE_ORIGIN)
      }
    }
    // Documents new to the device go by name: no other tab has their content open, so the page's bytes
    // (1.5 MB in a first sync) are not copied to them; one that has the doc open reads its rows.
    const sent = items.filter((i) => !packed.has(i.name))
    if (sent.length) postBroadcast({ type: 'updates', items: sent.map((i) => ({ name: i.name, update: i.update, local: false })) })
    if (packed.size) postBroadcast({ type: 'stored', names: [...packed] })
    // The list takes these summaries as they are instead of reading and decrypting the rows back.
    emitChange({ names, local: false, summaries: new Map(projected.map((r) => [r.id, r.summary])) })
    // A document new to this device holds only the rows just written: nothing to compact yet.
    const due = names.filter((n) => !newDocs.has(n) || (byName.get(n)?.length ?? 0) >= COMPACT_THRESHOLD)
    if (due.length) track(compactMany(due))
    // Relay summaries computed for another day or other deadline settings: their flags are redone here.
    if (staleDue) track(import('./rebuild').then(({ refreshStaleProjections }) => refreshStaleProjections()).then(() => undefined))
  })
  return { stored }
}

/** The projection row of a document from the relay's summary, or null when there is none it can use. */
function rowFromRelay(name: string, body: string | undefined, today: string, settings: Settings): CaseRow | null {
  if (body === undefined || !isCaseDoc(name)) return null
  const relay = decodeRelaySummary(body)
  if (!relay || relay.summary.id !== caseIdOf(name)) return null
  // Due flags hold for the relay's day and default deadlines; otherwise the row is due a refresh.
  const current = relay.day === today && usesDefaultDeadlines(settings.deadlines)
  return toCaseRow(relay.summary, current ? today : STALE_DUE_DAY)
}

const background = new Set<Promise<void>>()
function track(p: Promise<void>): void {
  background.add(p)
  void p.finally(() => background.delete(p))
}

export async function compactMany(names: readonly string[], threshold = COMPACT_THRESHOLD): Promise<void> {
  try {
    // One read transaction for every count, not one per document in front of the next page's write.
    const db = getDb()
    const due = await db.transaction('r', rowTables(db), async () => {
      const counts = await Promise.all(names.map((n) => ackedCount(db, n)))
      return names.filter((_, i) => (counts[i] ?? 0) >= Math.max(threshold, 2))
    })
    for (const name of due) await maybeCompact(name, threshold)
  } catch (err) {
    // The store was closed meanwhile: the next change compacts instead.
    if ((err as Error).name !== 'DatabaseClosedError') console.error('compaction failed', (err as Error).name)
  }
}

/**
 * One snapshot of `updates` with deleted content dropped. Y.mergeUpdates keeps deleted text; a
 * garbage-collecting Y.Doc replaces it with its length only, so text a worker deleted (a note on the
 * wrong person) does not live on in the snapshot. Concurrent edits next to it still merge.
 */
export function collectGarbage(name: string, updates: readonly Uint8Array[]): Uint8Array {
  const doc = emptyDoc(name)
  try {
    Y.applyUpdate(doc, Y.mergeUpdates([...updates]), REMOTE_ORIGIN)
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}

/** Acknowledged rows of `name`, a pack holding a part of it counted as one. */
async function ackedCount(db: DoumDb, name: string): Promise<number> {
  const [rows, packs] = await Promise.all([
    db.updates.where('[docName+acked]').equals([name, 1]).count(),
    db.packs.where('docNames').equals(name).count(),
  ])
  return rows + packs
}

/** Merges the acknowledged rows of `name` into one acknowledged snapshot row once there are enough. */
export async function maybeCompact(name: string, threshold = COMPACT_THRESHOLD): Promise<boolean> {
  if (compacting.has(name)) return false
  const db = getDb()
  const acked = await ackedCount(db, name)
  if (acked < threshold || acked < 2) return false
  compacting.add(name)
  try {
    const rows = (await readRows(db, name)).filter((r) => r.acked === 1)
    if (rows.length < 2) return false
    const bytes = await encodeForStorage(db.key, name, collectGarbage(name, await decodeMany(db.key, name, rows.map((r) => r.bytes))))
    const ids = rows.flatMap((r) => (r.localId === undefined ? [] : [r.localId]))
    const parts = rows.length - ids.length
    return await db.transaction('rw', rowTables(db), async () => {
      const [still, packs] = await Promise.all([db.updates.bulkGet(ids), parts ? packsOf(db, name) : []])
      // Another tab compacted or the doc was removed meanwhile: leave it.
      if (still.some((r) => !r || r.acked !== 1) || packedRows(packs, name).length !== parts) return false
      await db.updates.bulkDelete(ids)
      // Its packed parts are in the snapshot now; nothing of them (deleted text included) is kept.
      if (parts) await unpackDocs(db, [name])
      const row = { docName: name, bytes, acked: 1 as const, createdAt: nowIso() }
      await db.updates.put(ids.length ? { localId: ids[0], ...row } : row)
      return true
    })
  } finally {
    compacting.delete(name)
  }
}

/** Forgets documents entirely (access revoked): rows, projections and open docs. */
export async function removeDocuments(names: readonly string[]): Promise<void> {
  if (!names.length) return
  const db = getDb()
  await db.transaction('rw', [db.updates, db.docs, db.cases, db.packs], async () => {
    for (const name of names) {
      const [lo, hi] = docRange(name)
      await db.updates.where('[docName+localId]').between(lo, hi, true, true).delete()
    }
    await unpackDocs(db, names)
    await db.docs.bulkDelete([...names])
    await db.cases.bulkDelete(names.filter(isCaseDoc).map(caseIdOf))
  })
  dropOpenDocs(names)
  postBroadcast({ type: 'removed', names: [...names] })
  emitChange({ names: [...names], local: false })
}

/** The state vector of `name` (from memory when open), or null when the device holds nothing of it. */
export async function docStateVector(name: string): Promise<Uint8Array | null> {
  const entry = open.get(name)
  if (entry) return Y.encodeStateVector(entry.doc)
  const updates = await readUpdates(getDb(), name)
  return updates.length ? Y.encodeStateVectorFromUpdate(Y.mergeUpdates(updates)) : null
}

/** Subscribes to every change of an open doc (any origin), synchronously. */
export function observeDoc(doc: Y.Doc, listener: () => void): () => void {
  const handler = () => listener()
  doc.on('update', handler)
  return () => doc.off('update', handler)
}

// ---------- for the rollback of refused updates (rollback.ts, reloadOpenDoc.ts) ----------

/** Runs `fn` as one step of this tab's local write chain: no local change is stored while it runs. */
export function betweenLocalWrites<T>(fn: () => Promise<T>): Promise<T> {
  const run = writeChain.then(fn)
  writeChain = run.then(
    () => undefined,
    () => undefined,
  )
  return run
}

/** Resolves once a load of `name` under way (rows read before a change) has ended. */
export async function whenLoaded(name: string): Promise<void> {
  await loading.get(name)?.promise.catch(() => undefined)
}

/**
 * Puts `next` in memory in place of the open doc of `name`; null when it is not open. A new entry, so a
 * feed page applied to the old doc before its rows were stored is applied to `next` too once they are.
 * Returns the old doc (the caller destroys it) and the local updates it had not stored yet.
 */
export function replaceOpenDoc(db: DoumDb, name: string, next: Y.Doc): { old: Y.Doc; unsaved: Uint8Array[] } | null {
  assertCurrent(db)
  const old = open.get(name)
  if (!old) return null
  const entry: OpenDoc = {
    doc: next,
    queue: [],
    written: Promise.resolve(),
    scheduled: false,
    error: undefined,
    holds: old.holds,
    lastUsed: Date.now(),
  }
  // Screens release through the entry holdDoc gave them: their holds now count on the new one.
  Object.defineProperty(old, 'holds', {
    configurable: true,
    get: () => entry.holds,
    set: (n: number) => {
      entry.holds = n
    },
  })
  next.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE_ORIGIN) enqueueLocal(name, entry, update)
  })
  open.set(name, entry)
  return { old: old.doc, unsaved: old.queue.splice(0) }
}
