// Log in to the relay (needed only for sync) or log out; errors in the current language.
import { useState } from 'react'
import type { FormEvent } from 'react'
import { LoginError, login, logout, useSession } from '../../security/session'
import { useT } from '../../i18n'
import { Button, Field, FormError, Section } from '../common'

export function AccountSection() {
  const t = useT()
  const session = useSession()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(undefined)
    setBusy(true)
    try {
      await login(username, password)
      setPassword('')
    } catch (err) {
      setError(t(`settings.err.${err instanceof LoginError ? err.code : 'network'}`))
    } finally {
      setBusy(false)
    }
  }

  if (session) {
    return (
      <Section title={t('settings.account')}>
        <p data-testid="logged-in">
          {t('settings.loggedInAs', {
            username: session.user.username,
            team: session.user.team,
            role: t(`settings.role.${session.user.role}`),
          })}
        </p>
        <Button onClick={() => void logout()}>{t('settings.logout')}</Button>
      </Section>
    )
  }

  return (
    <Section title={t('settings.account')}>
      <p className="muted">{t('settings.notLoggedIn')}</p>
      <form onSubmit={submit} noValidate className="login-form">
        <Field label={t('settings.username')}>
          {(c) => (
            <input
              {...c}
              className="ui-input"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('settings.password')}>
          {(c) => (
            <input
              {...c}
              className="ui-input"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <FormError message={error} />
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('settings.loggingIn') : t('settings.login')}
        </Button>
      </form>
    </Section>
  )
}
