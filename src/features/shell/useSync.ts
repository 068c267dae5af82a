// Starts the shared (tab-leader) sync engine once the stored session is loaded; stops it on unmount.
import { useEffect, useState } from 'react'
import { createDexieSyncStore } from '../../store'
import { createSyncEngine } from '../../sync/engine'
import { startSharedSync } from '../../sync/tabLeader'
import { currentToken, loadSession, subscribeSession } from '../../security/session'
import { OFFLINE_SYNC } from './syncContext'
import type { SyncHandle } from './syncContext'
import { syncUrlFor } from './syncUrl'

export function useSync(enabled = true): SyncHandle {
  const [handle, setHandle] = useState<SyncHandle>(OFFLINE_SYNC)

  useEffect(() => {
    if (!enabled) return
    let cancelled = false
    let close: (() => void) | undefined
    void loadSession().then(() => {
      if (cancelled) return
      const shared = startSharedSync(() =>
        createSyncEngine({ url: syncUrlFor(window.location), store: createDexieSyncStore(), getToken: currentToken }),
      )
      // A new login (here or in another tab) should not wait for the periodic retry.
      const offSession = subscribeSession(() => {
        if (currentToken()) shared.syncNow()
      })
      close = () => {
        offSession()
        shared.close()
      }
      setHandle({ status: shared.status, syncNow: () => shared.syncNow() })
    })
    return () => {
      cancelled = true
      close?.()
      setHandle(OFFLINE_SYNC)
    }
  }, [enabled])

  return handle
}
