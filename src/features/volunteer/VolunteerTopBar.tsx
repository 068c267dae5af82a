// The volunteer's top bar: the app name, 처음으로 / 내 설정, 잠금, and the sync state in plain words
// with how many reports still wait to be sent. No worker navigation.
import { useT } from '../../i18n'
import { useOnline } from '../../platform/online'
import { lock, useAccess } from '../../security/access'
import { useSyncStatus } from '../shell/syncContext'
import { SyncIndicator } from '../shell/SyncIndicator'
import { volunteerHref } from './route'
import type { VolunteerRoute } from './route'

export function VolunteerTopBar({ current, pending }: { current: VolunteerRoute['name']; pending: number }) {
  const t = useT()
  const access = useAccess()
  const online = useOnline()
  const status = useSyncStatus()
  return (
    <header className="top-bar vol-top">
      <div className="vol-top__row">
        <a className="vol-top__title" href={volunteerHref({ name: 'home' })}>
          {t('vol.appName')}
        </a>
        <nav className="vol-top__nav" aria-label={t('vol.nav.label')}>
          <a className="vol-top__link" href={volunteerHref({ name: 'home' })} aria-current={current === 'home' ? 'page' : undefined}>
            {t('vol.nav.home')}
          </a>
          <a className="vol-top__link" href={volunteerHref({ name: 'settings' })} aria-current={current === 'settings' ? 'page' : undefined}>
            {t('vol.nav.me')}
          </a>
          {access.status === 'unlocked' ? (
            <button type="button" className="vol-top__link vol-top__lock" onClick={() => void lock()} data-testid="lock-now">
              {t('lock.lockNow')}
            </button>
          ) : null}
        </nav>
      </div>
      <div className="vol-status" role="status" aria-live="polite">
        <span className="net" data-testid="network-state" data-online={online ? 'true' : 'false'}>
          <SyncIndicator status={status} online={online} />
        </span>
        {pending > 0 ? (
          <span className="vol-status__pending" data-testid="pending-reports">
            {t('vol.pending', { n: pending })}
          </span>
        ) : null}
      </div>
    </header>
  )
}
