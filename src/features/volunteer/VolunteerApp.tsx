// The volunteer's phone app (이웃살피미, 복지통장, 동 복지위원, 기타 자원봉사자): its own top bar and
// screens only. No case list, case file, statistics or resources are reachable from here; any other
// address shows the home.
import { Suspense, lazy } from 'react'
import { useT } from '../../i18n'
import { PinOffer } from '../lock/PinOffer'
import { StorageBanner, SyncBanners, UpdatePrompt } from '../shell/Banners'
import { CheckInScreen } from './CheckInScreen'
import { DiscoveryScreen } from './DiscoveryScreen'
import { useVolunteerData } from './hooks'
import { useVolunteerRoute } from './route'
import { useVolunteerUser } from './user'
import { VolunteerHome } from './VolunteerHome'
import { VolunteerTopBar } from './VolunteerTopBar'
import './messages'
import './volunteer.css'

const VolunteerSettings = lazy(() => import('./VolunteerSettings').then((m) => ({ default: m.VolunteerSettings })))

export function VolunteerApp() {
  const t = useT()
  const route = useVolunteerRoute()
  const data = useVolunteerData()
  const user = useVolunteerUser()
  const pending = data.reports.filter((r) => data.send.get(r.name)?.pending).length
  let screen
  switch (route.name) {
    case 'home':
      screen = <VolunteerHome data={data} user={user} />
      break
    case 'checkin':
      screen = <CheckInScreen key={route.briefId} briefId={route.briefId} briefs={data.briefs} loading={data.loading} user={user} />
      break
    case 'discovery':
      screen = <DiscoveryScreen user={user} />
      break
    case 'settings':
      screen = <VolunteerSettings />
      break
  }
  return (
    <div className="vol-app" data-testid="volunteer-app">
      <VolunteerTopBar current={route.name} pending={pending} />
      <div className="banners">
        <UpdatePrompt />
        <PinOffer />
        <SyncBanners />
        <StorageBanner />
      </div>
      <main className="main vol-main" id="main">
        <Suspense
          fallback={
            <div className="screen" role="status" aria-live="polite">
              {t('common.loading')}
            </div>
          }
        >
          {screen}
        </Suspense>
      </main>
    </div>
  )
}
