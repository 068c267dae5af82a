// Always visible: the connection and sync state in one phrase (the browser's network and the relay
// together, e.g. "서버에 연결할 수 없음 · 이 기기에 저장됨") and how many case files have unsynced changes.
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
      <span className="net" data-testid="network-state" data-online={online ? 'true' : 'false'}>
        <SyncIndicator status={status} online={online} />
      </span>
      <span className={unsynced > 0 ? 'unsynced unsynced--pending' : 'unsynced'} title={t('shell.unsyncedTitle')}>
        {t('shell.unsynced')} <strong data-testid="unsynced-count">{unsynced}</strong>
      </span>
    </div>
  )
}
