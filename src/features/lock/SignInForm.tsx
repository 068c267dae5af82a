// First sign-in of a user on this device (needs the relay); a user already on the device is unlocked
// offline with the same form.
import { useState } from 'react'
import type { FormEvent } from 'react'
import { useT } from '../../i18n'
import { signIn } from '../../security/access'
import { MustChangePasswordError } from '../../security/session'
import type { Session } from '../../security/session'
import { Button, Field, FormError, PasswordField } from '../common'
import { lockErrorText } from './lockErrors'
import { MustChangeForm } from './MustChangeForm'

export function SignInForm({ onBack }: { onBack?: () => void }) {
  const t = useT()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [mustChange, setMustChange] = useState<{ session: Session; current: string } | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(undefined)
    setBusy(true)
    try {
      await signIn(username, password)
    } catch (err) {
      if (err instanceof MustChangePasswordError) setMustChange({ session: err.session, current: password })
      else setError(lockErrorText(err, t, 0))
      setBusy(false)
    }
  }

  if (mustChange) {
    const back = () => {
      setMustChange(null)
      setPassword('')
    }
    return <MustChangeForm session={mustChange.session} current={mustChange.current} onCancel={back} />
  }

  return (
    <form onSubmit={submit} noValidate className="lock-form" aria-labelledby="sign-in-title">
      <h1 className="screen__title" id="sign-in-title">
        {t('lock.signInTitle')}
      </h1>
      <p className="muted">{t('lock.signInHint')}</p>
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
      <PasswordField label={t('settings.password')} value={password} onChange={setPassword} />
      <FormError message={error} />
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? t('lock.signingIn') : t('lock.signIn')}
      </Button>
      {onBack ? (
        <Button type="button" onClick={onBack}>
          {t('lock.backToUnlock')}
        </Button>
      ) : null}
    </form>
  )
}
