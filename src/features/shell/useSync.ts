// Starts the shared (tab-leader) sync engine of the unlocked user; stops it on unmount (lock, logout).
// The Web Lock and status channel are per user, so two users unlocked in two tabs never share a connection.
import { useEffect, useState } from 'react'
import { createDexieSyncStore } from '../../store'
import { createSyncEngine } from '../../sync/engine'
import { SYNC_LOCK_NAME, SYNC_STATUS_CHANNEL, startSharedSync } from '../../sync/tabLeader'
import { getAccessState, wipeAndSignOut } from '../../security/access'
import { currentToken, subscribeSession } from '../../security/session'
import { OFFLINE_SYNC } from './syncContext'
import type { SyncHandle } from './syncContext'
import { syncUrlFor } from './syncUrl'

export function useSync(enabled = true): SyncHandle {
  const [handle, setHandle] = useState<SyncHandle>(OFFLINE_SYNC)

  useEffect(() => {
    const access = getAccessState()
    if (!enabled || access.status !== 'unlocked') return
    const user = access.account.userId
    const shared = startSharedSync(
      () =>
        createSyncEngine({
          url: syncUrlFor(window.location),
          store: createDexieSyncStore(),
          getToken: currentToken,
          // An admin revoked this device or user (lost tablet): erase this user's data here.
          onWipe: () => void wipeAndSignOut('revoked'),
        }),
      { lockName: `${SYNC_LOCK_NAME}:${user}`, channelName: `${SYNC_STATUS_CHANNEL}:${user}` },
    )
    // A new login (here or in another tab) should not wait for the periodic retry.
    const offSession = subscribeSession(() => {
      if (currentToken()) shared.syncNow()
    })
    setHandle({ status: shared.status, syncNow: () => shared.syncNow() })
    return () => {
      offSession()
      shared.close()
      setHandle(OFFLINE_SYNC)
    }
  }, [enabled])

  return handle
}
