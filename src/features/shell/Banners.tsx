// Non-blocking banners: login needed for sync, app update required/available, storage running low.
import { useEffect, useState } from 'react'
import { Button } from '../common'
import { useT } from '../../i18n'
import { registerServiceWorker } from '../../platform/serviceWorker'
import { estimateStorage, formatBytes, isStorageLow, requestPersistentStorage } from '../../platform/storageQuota'
import type { StorageEstimateInfo } from '../../platform/storageQuota'
import { useSyncStatus } from './syncContext'

export function SyncBanners() {
  const t = useT()
  const { state } = useSyncStatus()
  if (state === 'loginRequired') {
    return (
      <div className="banner banner--warn" role="status">
        <span>{t('shell.loginBanner')}</span> <a href="#/settings">{t('shell.loginLink')}</a>
      </div>
    )
  }
  if (state === 'updateRequired') {
    return (
      <div className="banner banner--warn" role="status">
        <span>{t('shell.updateBanner')}</span>{' '}
        <Button onClick={() => window.location.reload()}>{t('shell.reload')}</Button>
      </div>
    )
  }
  return null
}

export function UpdatePrompt() {
  const t = useT()
  const [accept, setAccept] = useState<(() => void) | null>(null)
  useEffect(() => {
    registerServiceWorker((fn) => setAccept(() => fn))
  }, [])
  if (!accept) return null
  return (
    <div className="banner banner--info" role="alert">
      <span>{t('shell.updateAvailable')} — </span>
      <Button variant="primary" onClick={accept}>
        {t('shell.reload')}
      </Button>
      <Button variant="ghost" onClick={() => setAccept(null)}>
        {t('shell.later')}
      </Button>
    </div>
  )
}

const CHECK_EVERY_MS = 5 * 60 * 1000

export function StorageBanner() {
  const t = useT()
  const [estimate, setEstimate] = useState<StorageEstimateInfo | null>(null)
  useEffect(() => {
    let alive = true
    const check = () =>
      void estimateStorage().then((e) => {
        if (alive) setEstimate(e)
      })
    void requestPersistentStorage().finally(check)
    const timer = setInterval(check, CHECK_EVERY_MS)
    return () => {
      alive = false
      clearInterval(timer)
    }
  }, [])
  if (!estimate || !isStorageLow(estimate)) return null
  return (
    <div className="banner banner--danger" role="alert" data-testid="storage-warning">
      {t('shell.storageLow', { used: formatBytes(estimate.usage), quota: formatBytes(estimate.quota) })}
    </div>
  )
}
