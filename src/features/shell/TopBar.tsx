// App title, main navigation and the status bar.
import { useT } from '../../i18n'
import { lock, useAccess } from '../../security/access'
import { hrefOf } from './router'
import type { Route } from './router'
import { StatusBar } from './StatusBar'
import { InboxLink } from '../inbox/InboxLink'

const NAV: { route: Route; key: string }[] = [
  { route: { name: 'cases' }, key: 'shell.nav.cases' },
  { route: { name: 'newHousehold' }, key: 'shell.nav.newHousehold' },
  { route: { name: 'resources' }, key: 'shell.nav.resources' },
  { route: { name: 'statistics' }, key: 'shell.nav.statistics' },
  { route: { name: 'settings' }, key: 'shell.nav.settings' },
]

export function TopBar({ current }: { current: Route['name'] }) {
  const t = useT()
  const access = useAccess()
  return (
    <header className="top-bar">
      <div className="top-bar__row">
        <a className="top-bar__title" href="#/">
          {t('common.appName')}
        </a>
        <nav className="top-bar__nav" aria-label={t('shell.nav.label')}>
          {NAV.map(({ route, key }) => (
            <a
              key={route.name}
              href={hrefOf(route)}
              className="top-bar__link"
              aria-current={current === route.name || (current === 'caseFile' && route.name === 'cases') ? 'page' : undefined}
            >
              {t(key)}
            </a>
          ))}
          <InboxLink current={current === 'inbox'} />
        </nav>
        {access.status === 'unlocked' ? (
          <button type="button" className="top-bar__lock" onClick={() => void lock()} data-testid="lock-now">
            {t('lock.lockNow')}
          </button>
        ) : null}
      </div>
      <StatusBar />
    </header>
  )
}
