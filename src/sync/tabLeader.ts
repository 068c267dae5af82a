// Several tabs share one connection: the tab holding the Web Lock `doum-sync` runs the engine and
// broadcasts its status; the others show that status and forward "sync now". When the leader tab
// closes, the browser releases its lock and a waiting tab takes over. Without Web Locks (Node,
// old browsers) this tab simply runs the engine.
import { createStatusStore, type ReadableStatus, type SyncStatus } from './status'
import type { SyncEngine } from './engine'

export const SYNC_LOCK_NAME = 'doum-sync'
export const SYNC_STATUS_CHANNEL = 'doum-sync-status'

/** The part of navigator.locks used here. */
export interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<unknown>
}

/** The part of BroadcastChannel used here. */
export interface ChannelLike {
  postMessage(message: unknown): void
  close(): void
  onmessage: ((ev: MessageEvent) => unknown) | null
}

export interface SharedSyncOptions {
  lockName?: string
  channelName?: string
  /** Defaults to navigator.locks when present. */
  locks?: LockManagerLike | null
  /** Defaults to the global BroadcastChannel when present. */
  openChannel?: ((name: string) => ChannelLike) | null
}

export interface SharedSync {
  readonly status: ReadableStatus
  syncNow(): void
  /** True while this tab runs the engine. */
  isLeader(): boolean
  close(): void
}

type TabMessage = { kind: 'status'; status: SyncStatus } | { kind: 'syncNow' } | { kind: 'hello' }

function defaultLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator
  return nav?.locks ?? null
}

function defaultChannel(): ((name: string) => ChannelLike) | null {
  const BC = (globalThis as { BroadcastChannel?: new (name: string) => ChannelLike }).BroadcastChannel
  return BC ? (name) => new BC(name) : null
}

export function startSharedSync(createEngine: () => SyncEngine, options: SharedSyncOptions = {}): SharedSync {
  const locks = options.locks === undefined ? defaultLocks() : options.locks
  const openChannel = options.openChannel === undefined ? defaultChannel() : options.openChannel
  const status = createStatusStore()
  let engine: SyncEngine | null = null
  let offEngine: (() => void) | null = null
  let releaseLock: (() => void) | null = null
  let closed = false

  if (!locks) {
    engine = createEngine()
    offEngine = engine.status.subscribe((s) => status.set(s))
    status.set(engine.status.get())
    engine.start()
    return {
      status: { get: status.get, subscribe: status.subscribe },
      syncNow: () => engine?.syncNow(),
      isLeader: () => true,
      close() {
        offEngine?.()
        engine?.close()
      },
    }
  }

  const channel = openChannel?.(options.channelName ?? SYNC_STATUS_CHANNEL) ?? null
  const post = (m: TabMessage): void => channel?.postMessage(m)
  if (channel) {
    channel.onmessage = (ev) => {
      const m = ev.data as TabMessage
      if (engine) {
        if (m.kind === 'syncNow') engine.syncNow()
        else if (m.kind === 'hello') post({ kind: 'status', status: engine.status.get() })
      } else if (m.kind === 'status') {
        status.set(m.status)
      }
    }
  }

  const abort = new AbortController()
  locks
    .request(options.lockName ?? SYNC_LOCK_NAME, { signal: abort.signal }, () => {
      if (closed) return Promise.resolve()
      engine = createEngine()
      offEngine = engine.status.subscribe((s) => {
        status.set(s)
        post({ kind: 'status', status: s })
      })
      status.set(engine.status.get())
      post({ kind: 'status', status: engine.status.get() })
      engine.start()
      // Holding the lock = staying leader; resolved only when this tab closes the sync.
      return new Promise<void>((resolve) => {
        releaseLock = resolve
      })
    })
    .catch(() => {
      /* aborted while waiting: this tab closed before becoming leader */
    })
  post({ kind: 'hello' })

  return {
    status: { get: status.get, subscribe: status.subscribe },
    syncNow() {
      if (engine) engine.syncNow()
      else post({ kind: 'syncNow' })
    },
    isLeader: () => engine !== null,
    close() {
      closed = true
      abort.abort()
      offEngine?.()
      engine?.close()
      engine = null
      releaseLock?.()
      channel?.close()
    },
  }
}
