// The sync status every screen shows, and a tiny observable holding it.

export type SyncState = 'offline' | 'connecting' | 'syncing' | 'upToDate' | 'loginRequired' | 'updateRequired' | 'error'

export interface SyncStatus {
  state: SyncState
  /** Documents received so far in this feed, and how many the feed will send. */
  done: number
  total: number
  /** ISO instant of the last time the feed caught up. */
  lastSyncAt?: string
  /** Local updates the relay refused (they stay on the device). */
  rejected: number
  /** Korean, safe to show. */
  message?: string
  /** The relay lost updates (restored from a backup) and this feed re-checks every document against it. */
  resyncing?: boolean
}

export interface ReadableStatus {
  get(): SyncStatus
  /** Calls the listener on every change (not immediately); returns an unsubscribe function. */
  subscribe(listener: (status: SyncStatus) => void): () => void
}

export interface StatusStore extends ReadableStatus {
  set(next: SyncStatus): void
  update(patch: Partial<SyncStatus>): void
}

export const INITIAL_STATUS: SyncStatus = { state: 'offline', done: 0, total: 0, rejected: 0 }

function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return (
    a.state === b.state &&
    a.done === b.done &&
    a.total === b.total &&
    a.lastSyncAt === b.lastSyncAt &&
    a.rejected === b.rejected &&
    a.message === b.message &&
    a.resyncing === b.resyncing
  )
}

export function createStatusStore(initial: SyncStatus = INITIAL_STATUS): StatusStore {
  let current: SyncStatus = { ...initial }
  const listeners = new Set<(s: SyncStatus) => void>()
  const set = (next: SyncStatus): void => {
    if (sameStatus(current, next)) return
    current = { ...next }
    for (const l of [...listeners]) l(current)
  }
  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    set,
    update: (patch) => set({ ...current, ...patch }),
  }
}
