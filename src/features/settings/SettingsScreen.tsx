// 설정: account (server login, logout), password change, lock and PIN, language and deadlines.
import { useT } from '../../i18n'
import { useAccess } from '../../security/access'
import { AccountSection } from './AccountSection'
import { DeadlineSection } from './DeadlineSection'
import { LanguageSection } from './LanguageSection'
import { LockSection } from './LockSection'
import { PasswordSection } from './PasswordSection'
import '../../i18n/screenMessages'

export function SettingsScreen() {
  const t = useT()
  const access = useAccess()
  return (
    <div className="screen settings">
      <h1 className="screen__title">{t('settings.title')}</h1>
      {access.status === 'unlocked' ? (
        <>
          <AccountSection account={access.account} />
          <PasswordSection account={access.account} />
          <LockSection account={access.account} />
        </>
      ) : null}
      <LanguageSection />
      <DeadlineSection />
    </div>
  )
}
