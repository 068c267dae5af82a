// The app shell: language, toasts, sync, top bar, banners and the routed screen.
import { useCallback, useEffect } from 'react'
import { saveSettings, useSettings } from './store'
import { I18nProvider, useT } from './i18n'
import type { Locale } from './i18n'
import { ToastProvider } from './features/common'
import { CaseFileScreen } from './features/caseFile/CaseFileScreen'
import { VisitNoteScreen } from './features/visits/VisitNoteScreen'
import { CaseListScreen } from './features/cases/CaseListScreen'
import { HouseholdScreen } from './features/households/HouseholdScreen'
import { ResourcesScreen } from './features/resources/ResourcesScreen'
import { SettingsScreen } from './features/settings/SettingsScreen'
import { StatisticsScreen } from './features/supervisor/StatisticsScreen'
import { RejectedBanner } from './features/shell/RejectedBanner'
import { StorageBanner, SyncBanners, UpdatePrompt } from './features/shell/Banners'
import { TopBar } from './features/shell/TopBar'
import { useRoute } from './features/shell/router'
import type { Route } from './features/shell/router'
import { SyncContext } from './features/shell/syncContext'
import { useSync } from './features/shell/useSync'

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
  const onLocaleChange = useCallback((locale: Locale) => void saveSettings({ locale }), [])
  useEffect(() => {
    document.documentElement.lang = settings.locale
  }, [settings.locale])
  return (
    <I18nProvider locale={settings.locale} onLocaleChange={onLocaleChange}>
      <ToastProvider>
        <SyncContext.Provider value={handle}>
          <TopBar current={route.name} />
          <div className="banners">
            <UpdatePrompt />
            <SyncBanners />
            <RejectedBanner />
            <StorageBanner />
          </div>
          <main className="main" id="main">
            <Screen route={route} />
          </main>
        </SyncContext.Provider>
      </ToastProvider>
    </I18nProvider>
  )
}
