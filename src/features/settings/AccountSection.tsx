// The signed-in user: server login for sync when the token expired, and logout, which erases this
// user's data from the device (asked twice when changes have not reached the server).
import { useState } from 'react'
import type { FormEvent } from 'react'
import { useT } from '../../i18n'
import { refreshToken, wipeAndSignOut } from '../../security/access'
import type { DeviceAccount } from '../../store/deviceRegistry'
import { useSession } from '../../security/session'
import { countUnsynced } from '../../store'
import { Button, FormError, PasswordField, Section, useToast } from '../common'
import { lockErrorText } from '../lock/lockErrors'

type LogoutStep = { step: 'idle' } | { step: 'confirm'; pending: number } | { step: 'final'; pending: number }

export function AccountSection({ account }: { account: DeviceAccount }) {
  const t = useT()
  const toast = useToast()
  const session = useSession()
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [logout, setLogout] = useState<LogoutStep>({ step: 'idle' })

  const relogin = async (e: FormEvent) => {
    e.preventDefault()
    setError(undefined)
    setBusy(true)
    try {
      await refreshToken(password)
      setPassword('')
      toast({ message: t('lock.reloggedIn') })
    } catch (err) {
      setError(lockErrorText(err, t, account.pinDays))
    } finally {
      setBusy(false)
    }
  }

  const startLogout = async () => setLogout({ step: 'confirm', pending: await countUnsynced() })
  const confirmLogout = () => {
    if (logout.step === 'confirm' && logout.pending > 0) setLogout({ step: 'final', pending: logout.pending })
    else void wipeAndSignOut('loggedOut')
  }

  return (
    <Section title={t('settings.account')}>
      <p data-testid="logged-in">
        {t('settings.loggedInAs', { username: account.username, team: account.team, role: t(`settings.role.${account.role}`) })}
      </p>
      {session ? null : (
        <form onSubmit={relogin} noValidate className="login-form">
          <p className="muted">{t('lock.relogin')}</p>
          <PasswordField label={t('settings.password')} value={password} onChange={setPassword} />
          <FormError message={error} />
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? t('settings.loggingIn') : t('lock.reloginButton')}
          </Button>
        </form>
      )}
      <div className="logout" role="group" aria-label={t('lock.logoutTitle')}>
        {logout.step === 'idle' ? (
          <Button onClick={() => void startLogout()}>{t('settings.logout')}</Button>
        ) : (
          <div className="logout__confirm" data-testid="logout-confirm">
            <p>{t('lock.logoutHint', { username: account.username })}</p>
            {logout.pending > 0 ? (
              <p className="ui-field__error" role="alert">
                {t('lock.logoutPending', { count: logout.pending })}
              </p>
            ) : null}
            {logout.step === 'final' ? (
              <p className="ui-field__error" role="alert">
                {t('lock.logoutFinal')}
              </p>
            ) : null}
            <div className="ui-row">
              <Button variant="danger" onClick={confirmLogout}>
                {logout.step === 'final'
                  ? t('lock.logoutDiscard', { count: logout.pending })
                  : logout.pending > 0
                    ? t('lock.logoutContinue')
                    : t('lock.logout')}
              </Button>
              <Button onClick={() => setLogout({ step: 'idle' })}>{t('lock.cancel')}</Button>
            </div>
          </div>
        )}
      </div>
    </Section>
  )
}
