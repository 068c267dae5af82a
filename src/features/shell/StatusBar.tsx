// Always visible: online/offline, sync state and how many case files have unsynced changes.
import { useUnsyncedCount } from '../../store'
import { useOnline } from '../../platform/online'
import { useT } from '../../i18n'
import { useSyncStatus } from './syncContext'
import { SyncIndicator } from './SyncIndicator'

export function StatusBar() {
  const t = useT()
  const online = useOnline()
  const status = useSyncStatus()
  const unsynced = useUnsyncedCount()
  return (
    <div className="status-bar" role="status" aria-live="polite">
      <span className={online ? 'net net--online' : 'net net--offline'} data-testid="network-state">
        {online ? t('shell.online') : t('shell.offline')}
      </span>
      <SyncIndicator status={status} online={online} />
      <span className={unsynced > 0 ? 'unsynced unsynced--pending' : 'unsynced'} title={t('shell.unsyncedTitle')}>
        {t('shell.unsynced')} <strong data-testid="unsynced-count">{unsynced}</strong>
      </span>
    </div>
  )
}
