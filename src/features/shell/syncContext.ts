// The sync status and "sync now" as React context, so the status bar can be tested with any status source.
import { createContext, useContext, useSyncExternalStore } from 'react'
import { createStatusStore } from '../../sync/status'
import type { ReadableStatus, SyncStatus } from '../../sync/status'

export interface SyncHandle {
  status: ReadableStatus
  syncNow: () => void
}

const idle = createStatusStore()
export const OFFLINE_SYNC: SyncHandle = { status: { get: idle.get, subscribe: idle.subscribe }, syncNow: () => undefined }

export const SyncContext = createContext<SyncHandle>(OFFLINE_SYNC)

export function useSyncHandle(): SyncHandle {
  return useContext(SyncContext)
}

export function useSyncStatus(): SyncStatus {
  const { status } = useContext(SyncContext)
  return useSyncExternalStore(status.subscribe, status.get, status.get)
}
