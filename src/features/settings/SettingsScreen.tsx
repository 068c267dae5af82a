// 설정: account (login for sync), language and deadlines.
import { useT } from '../../i18n'
import { AccountSection } from './AccountSection'
import { DeadlineSection } from './DeadlineSection'
import { LanguageSection } from './LanguageSection'

export function SettingsScreen() {
  const t = useT()
  return (
    <div className="screen settings">
      <h1 className="screen__title">{t('settings.title')}</h1>
      <AccountSection />
      <LanguageSection />
      <DeadlineSection />
    </div>
  )
}
