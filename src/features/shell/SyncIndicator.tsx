// The sync state in words (and a progress bar while a feed is running).
import { formatDateTime } from '../../domain'
import type { SyncStatus } from '../../sync/status'
import { useT } from '../../i18n'

export function SyncIndicator({ status, online }: { status: SyncStatus; online: boolean }) {
  const t = useT()
  const state = online ? status.state : 'offline'
  let text: string
  switch (state) {
    case 'offline':
      // The browser has a network but the relay does not answer: say which, and that nothing is lost.
      text = t(online ? 'shell.sync.unreachable' : 'shell.sync.offline')
      break
    case 'connecting':
      text = t('shell.sync.connecting')
      break
    case 'syncing':
      text = t(status.resyncing ? 'shell.sync.resyncing' : 'shell.sync.syncing', { done: status.done, total: status.total })
      break
    case 'upToDate':
      text = t('shell.sync.upToDate')
      break
    case 'loginRequired':
      text = t('shell.sync.loginRequired')
      break
    case 'updateRequired':
      text = t('shell.sync.updateRequired')
      break
    case 'error':
      text = status.message ?? t('shell.sync.error')
      break
  }
  return (
    <span className={`sync sync--${state}`} data-testid="sync-state" data-state={state}>
      <span className="sync__dot" aria-hidden="true" />
      <span>{text}</span>
      {state === 'syncing' && status.total > 0 ? (
        <progress className="sync__progress" max={status.total} value={status.done} aria-label={text} />
      ) : null}
      {state === 'upToDate' && status.lastSyncAt ? (
        <span className="sync__time">({t('shell.sync.lastSync', { time: formatDateTime(status.lastSyncAt) })})</span>
      ) : null}
      {status.rejected > 0 ? <span className="sync__rejected">{t('shell.sync.rejected', { n: status.rejected })}</span> : null}
    </span>
  )
}
