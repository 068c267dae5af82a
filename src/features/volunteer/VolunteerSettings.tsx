// 내 설정 for a volunteer: their kind, language, account (server login, 로그아웃), password and PIN.
// The worker's deadline settings are not here.
import { useEnumLabel, useT } from '../../i18n'
import { useAccess } from '../../security/access'
import { AccountSection } from '../settings/AccountSection'
import { LanguageSection } from '../settings/LanguageSection'
import { LockSection } from '../settings/LockSection'
import { PasswordSection } from '../settings/PasswordSection'
import { useVolunteerKind } from './hooks'
import { KindPicker } from './KindPicker'
import '../../i18n/screenMessages'

export function VolunteerSettings() {
  const t = useT()
  const label = useEnumLabel()
  const access = useAccess()
  const { kind } = useVolunteerKind()
  return (
    <div className="screen vol settings">
      <h1 className="vol-title">{t('vol.settings.title')}</h1>
      {kind ? <p className="vol-who">{label('volunteerKind', kind)}</p> : null}
      <KindPicker current={kind} />
      <LanguageSection />
      {access.status === 'unlocked' ? (
        <>
          <AccountSection account={access.account} />
          <LockSection account={access.account} />
          <PasswordSection account={access.account} />
        </>
      ) : null}
    </div>
  )
}
