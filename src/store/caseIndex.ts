// In-memory list index over the projection rows: loaded once, kept in step by change notifications,
// filtered by stage, due flag, 대상 유형, selection and level, searched by name (초성 too), address,
// phone and 행복e음 관리번호, and sorted. Names are never put in an IndexedDB index; search happens here.
import { CASE_ORDER, matchesCaseFilter, matchesCaseQuery } from '../domain'
import type { CaseFilter, CaseSort, CaseSummary, DueFilter, Stage } from '../domain'
import { caseIdOf, isCaseDoc } from './caseDoc'
import { onChange } from './changes'
import { getDb, onStoreClose } from './db'
import { openCaseRows } from './projection'
import { refreshStaleProjections } from './rebuild'

export interface CaseListQuery extends CaseFilter {
  query?: string
  stage?: Stage
  due?: DueFilter
  /** Default: 가나다. */
  sort?: CaseSort
}

export interface CaseListResult {
  rows: CaseSummary[]
  /** Case files on the device, before filtering. */
  total: number
  loading: boolean
}

export class CaseIndex {
  private rows = new Map<string, CaseSummary>()
  private sorted = new Map<CaseSort, CaseSummary[]>()
  private listeners = new Set<() => void>()
  private loadPromise: Promise<void> | null = null
  private pending = new Set<string>()
  private flushScheduled = false
  private refreshing: Promise<void> = Promise.resolve()
  private unsubscribes: (() => void)[] = []
  private notifiedAt = Number.NEGATIVE_INFINITY
  private trailing: ReturnType<typeof setTimeout> | null = null
  version = 0
  loaded = false

  constructor() {
    this.unsubscribes.push(onChange((e) => (e.summaries ? this.setKnown(e.names, e.summaries) : this.markChanged(e.names))))
  }

  /** Loads every projection row once; later calls return the same promise. */
  load(): Promise<void> {
    this.loadPromise ??= (async () => {
      // Decrypted here, at unlock: names live only in memory, never in an IndexedDB index.
      const db = getDb()
      const rows = await openCaseRows(db.key, await db.cases.toArray())
      for (const r of rows) this.rows.set(r.id, r.summary)
      this.loaded = true
      this.bump(true)
      // Due flags computed on an earlier day are refreshed in the background.
      void refreshStaleProjections().catch(logError)
    })()
    return this.loadPromise
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getVersion = (): number => this.version

  get size(): number {
    return this.rows.size
  }

  get(id: string): CaseSummary | undefined {
    return this.rows.get(id)
  }

  /** Filter, search and Korean sort; answers from memory. */
  query(q: CaseListQuery = {}): CaseSummary[] {
    const sort = q.sort ?? 'name'
    let sorted = this.sorted.get(sort)
    if (!sorted) this.sorted.set(sort, (sorted = [...this.rows.values()].sort(CASE_ORDER[sort])))
    const text = q.query?.trim() ?? ''
    const { stage, due } = q
    const filtered = Boolean(q.targetType || q.selection || q.level || q.referredTo)
    if (!text && !stage && !due && !filtered) return sorted
    return sorted.filter(
      (r) =>
        (!stage || r.stage === stage) &&
        (!due || r.due[due]) &&
        (!filtered || matchesCaseFilter(r, q)) &&
        (!text || matchesCaseQuery(r, text)),
    )
  }

  result(q: CaseListQuery = {}): CaseListResult {
    return { rows: this.query(q), total: this.rows.size, loading: !this.loaded }
  }

  private markChanged(names: readonly string[]): void {
    for (const n of names) if (isCaseDoc(n)) this.pending.add(caseIdOf(n))
    if (!this.pending.size || this.flushScheduled) return
    this.flushScheduled = true
    this.refreshing = this.refreshing.then(() => this.refresh()).catch(logError)
  }

  /**
   * This tab wrote these case files and passed their summaries along: no need to read them back. Queued
   * behind any refresh in flight, so an older read never overwrites them.
   */
  private setKnown(names: readonly string[], summaries: ReadonlyMap<string, CaseSummary>): void {
    const rest = names.filter((n) => isCaseDoc(n) && !summaries.has(caseIdOf(n)))
    this.refreshing = this.refreshing
      .then(async () => {
        // Never loaded: load() will read every row, these included. Loading: apply after it.
        if (!this.loadPromise) return
        await this.loadPromise
        for (const [id, summary] of summaries) {
          this.rows.set(id, summary)
          this.pending.delete(id)
        }
        this.bump()
      })
      .catch(logError)
    if (rest.length) this.markChanged(rest)
  }

  /** Resolves once every change notified so far is in the index. */
  whenSettled(): Promise<void> {
    return this.refreshing
  }

  /** Re-reads the changed rows (written by this tab, another tab or the sync engine). */
  private async refresh(): Promise<void> {
    this.flushScheduled = false
    const ids = [...this.pending]
    this.pending.clear()
    if (!ids.length) return
    const db = getDb()
    const stored = await db.cases.bulkGet(ids)
    const opened = await openCaseRows(db.key, stored.filter((r) => r !== undefined))
    const byId = new Map(opened.map((r) => [r.id, r]))
    ids.forEach((id) => {
      const row = byId.get(id)
      if (row) this.rows.set(id, row.summary)
      else this.rows.delete(id)
    })
    this.bump()
  }

  /** `now`: the list waits for nothing (the first load after unlock). */
  private bump(now = false): void {
    this.sorted.clear()
    this.version++
    if (now) {
      if (this.trailing) clearTimeout(this.trailing)
      this.trailing = null
      return this.notify()
    }
    if (this.trailing) return
    // A first sync changes the index ten times a second: screens re-sort and re-render at most every
    // NOTIFY_MS (the first change at once, the last one always).
    const wait = this.notifiedAt + NOTIFY_MS - performance.now()
    if (wait <= 0) this.notify()
    else
      this.trailing = setTimeout(() => {
        this.trailing = null
        this.notify()
      }, wait)
  }

  private notify(): void {
    this.notifiedAt = performance.now()
    for (const l of [...this.listeners]) l()
  }

  dispose(): void {
    if (this.trailing) clearTimeout(this.trailing)
    for (const u of this.unsubscribes) u()
    this.listeners.clear()
  }
}

function logError(err: unknown): void {
  // The store was locked meanwhile: the next unlock loads a new index.
  if ((err as Error).name === 'StoreLockedError' || (err as Error).name === 'DatabaseClosedError') return
  console.error('case index update failed', (err as Error).name)
}

/** Shortest time between two notifications of the screens showing the index. */
const NOTIFY_MS = 150

let instance: CaseIndex | null = null
onStoreClose(() => {
  instance?.dispose()
  instance = null
})

export function getCaseIndex(): CaseIndex {
  instance ??= new CaseIndex()
  return instance
}
