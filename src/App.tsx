// The app shell: language, toasts, sync, top bar, banners and the routed screen.
import { Suspense, lazy, useCallback, useEffect } from 'react'
import { saveSettings, useSettings } from './store'
import { I18nProvider, useT } from './i18n'
import type { Locale } from './i18n'
import { ToastProvider } from './features/common'
import { CaseListScreen } from './features/cases/CaseListScreen'
import { RejectedBanner } from './features/shell/RejectedBanner'
import { LostAccessBanner } from './features/shell/LostAccessBanner'
import { StorageBanner, SyncBanners, UpdatePrompt } from './features/shell/Banners'
import { TopBar } from './features/shell/TopBar'
import { PinOffer } from './features/lock/PinOffer'
import { useRoute } from './features/shell/router'
import type { Route } from './features/shell/router'
import { SyncContext } from './features/shell/syncContext'
import { useSync } from './features/shell/useSync'
import { rememberLocale } from './platform/lastLocale'
import { useAccess } from './security/access'
import { useSession } from './security/session'

// The list is the start screen; the others load on first use (the service worker precaches them all,
// so they open offline too) to keep the first load small on volunteers' phones.
const CaseFileScreen = lazy(() => import('./features/caseFile/CaseFileScreen').then((m) => ({ default: m.CaseFileScreen })))
const VisitNoteScreen = lazy(() => import('./features/visits/VisitNoteScreen').then((m) => ({ default: m.VisitNoteScreen })))
const HouseholdScreen = lazy(() => import('./features/households/HouseholdScreen').then((m) => ({ default: m.HouseholdScreen })))
const ResourcesScreen = lazy(() => import('./features/resources/ResourcesScreen').then((m) => ({ default: m.ResourcesScreen })))
const SettingsScreen = lazy(() => import('./features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })))
const InboxScreen = lazy(() => import('./features/inbox/InboxScreen').then((m) => ({ default: m.InboxScreen })))
const StatisticsScreen = lazy(() => import('./features/supervisor/StatisticsScreen').then((m) => ({ default: m.StatisticsScreen })))
// A volunteer's phone gets only the volunteer app (its own top bar and screens), never the worker's.
const VolunteerApp = lazy(() => import('./features/volunteer/VolunteerApp').then((m) => ({ default: m.VolunteerApp })))

/** The relay session's role, else the unlocked device account's (the same user). */
function useIsVolunteer(): boolean {
  const session = useSession()
  const access = useAccess()
  if (session) return session.user.role === 'volunteer'
  return access.status === 'unlocked' && access.account.role === 'volunteer'
}

function Loading() {
  const t = useT()
  return (
    <div className="screen" role="status" aria-live="polite">
      {t('common.loading')}
    </div>
  )
}

function Screen({ route }: { route: Route }) {
  const t = useT()
  switch (route.name) {
    case 'cases':
      return <CaseListScreen />
    case 'newHousehold':
      return <HouseholdScreen />
    case 'caseFile':
      return <CaseFileScreen key={route.caseId} caseId={route.caseId} />
    case 'visit':
      // Keyed by case only: a new visit swaps 'new' for its id without remounting mid-typing.
      return <VisitNoteScreen key={route.caseId} caseId={route.caseId} visitId={route.visitId} />
    case 'resources':
      return <ResourcesScreen />
    case 'settings':
      return <SettingsScreen />
    case 'statistics':
      return <StatisticsScreen />
    case 'inbox':
      return <InboxScreen />
    case 'notFound':
      return (
        <div className="screen">
          <p>{t('common.notFound')}</p>
          <a href="#/">{t('common.goHome')}</a>
        </div>
      )
  }
}

export function App({ sync = true }: { sync?: boolean }) {
  const settings = useSettings()
  const route = useRoute()
  const handle = useSync(sync)
  const volunteer = useIsVolunteer()
  const onLocaleChange = useCallback((locale: Locale) => void saveSettings({ locale }), [])
  useEffect(() => {
    document.documentElement.lang = settings.locale
    rememberLocale(settings.locale)
  }, [settings.locale])
  return (
    <I18nProvider locale={settings.locale} onLocaleChange={onLocaleChange}>
      <ToastProvider>
        <SyncContext.Provider value={handle}>
          {volunteer ? (
            <Suspense fallback={<Loading />}>
              <VolunteerApp />
            </Suspense>
          ) : (
            <>
              <TopBar current={route.name} />
              <div className="banners">
                <UpdatePrompt />
                <PinOffer />
                <SyncBanners />
                <RejectedBanner />
                <LostAccessBanner />
                <StorageBanner />
              </div>
              <main className="main" id="main">
                <Suspense fallback={<Loading />}>
                  <Screen route={route} />
                </Suspense>
              </main>
            </>
          )}
        </SyncContext.Provider>
      </ToastProvider>
    </I18nProvider>
  )
}
