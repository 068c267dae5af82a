// A live case file for screens: holds the doc open while watched and re-reads it after any change
// (local typing, relay, other tab), lazily at render time.
import type * as Y from 'yjs'
import type { CaseFile } from '../domain'
import { caseDocName, hasCaseFile, readCaseFile } from './caseDoc'
import { onChange } from './changes'
import { onStoreClose } from './db'
import { holdDoc, observeDoc, openDocIfLoaded } from './docStore'

export class CaseFileSource {
  private listeners = new Set<() => void>()
  private doc: Y.Doc | null = null
  private snapshot: CaseFile | undefined
  private dirty = false
  private stops: (() => void)[] = []
  private active = 0

  constructor(readonly caseId: string) {}

  private get name(): string {
    return caseDocName(this.caseId)
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    if (this.listeners.size === 1) this.start()
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) this.stop()
    }
  }

  getSnapshot = (): CaseFile | undefined => {
    if (this.dirty && this.doc) {
      this.dirty = false
      try {
        this.snapshot = hasCaseFile(this.doc) ? readCaseFile(this.doc) : undefined
      } catch (err) {
        console.warn('case file unreadable:', (err as Error).message)
      }
    }
    return this.snapshot
  }

  private start(): void {
    const run = ++this.active
    void holdDoc(this.name).then(({ doc, release }) => {
      if (run !== this.active) return release()
      this.attach(doc)
      this.stops.push(release)
      // Removed (access revoked) or reloaded elsewhere: follow the doc now in memory.
      this.stops.push(
        onChange((e) => {
          if (!e.names.includes(this.name)) return
          const current = openDocIfLoaded(this.name)
          if (current !== this.doc) {
            this.snapshot = undefined
            if (current) this.attach(current)
            this.notify()
          }
        }),
      )
    })
  }

  private attach(doc: Y.Doc): void {
    this.doc = doc
    this.dirty = true
    this.stops.push(
      observeDoc(doc, () => {
        this.dirty = true
        this.notify()
      }),
    )
    this.notify()
  }

  private stop(): void {
    this.active++
    for (const s of this.stops) s()
    this.stops = []
    this.doc = null
    this.dirty = false
  }

  private notify(): void {
    for (const l of [...this.listeners]) l()
  }
}

const sources = new Map<string, CaseFileSource>()
onStoreClose(() => sources.clear())

export function caseFileSource(caseId: string): CaseFileSource {
  let s = sources.get(caseId)
  if (!s) {
    s = new CaseFileSource(caseId)
    sources.set(caseId, s)
  }
  return s
}
