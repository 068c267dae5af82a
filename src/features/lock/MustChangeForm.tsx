// First sign-in with a password an administrator set: the relay allows nothing until it is changed, so
// the app asks for a new one here, changes it on the relay, then signs in with it.
import { useState } from 'react'
import type { FormEvent } from 'react'
import { useT } from '../../i18n'
import { signIn } from '../../security/access'
import { changePasswordOnRelay, endSessionOnRelay, PasswordChangeError } from '../../security/session'
import type { Session } from '../../security/session'
import { Button, FormError } from '../common'
import { lockErrorText } from './lockErrors'
import { NewPasswordFields } from './NewPasswordFields'
import { passwordChangeErrorText } from './passwordChangeErrors'

export function MustChangeForm({ session, current, onCancel }: { session: Session; current: string; onCancel: () => void }) {
  const t = useT()
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [changed, setChanged] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(undefined)
    if (!changed && next !== confirm) return setError(passwordChangeErrorText(new PasswordChangeError('mismatch'), t))
    setBusy(true)
    try {
      if (!changed) {
        await changePasswordOnRelay(session.token, current, next)
        setChanged(true)
        void endSessionOnRelay(session) // the restricted token is not needed any more
      }
      await signIn(session.user.username, next)
    } catch (err) {
      setError(err instanceof PasswordChangeError ? passwordChangeErrorText(err, t) : lockErrorText(err, t, 0))
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} noValidate className="lock-form" aria-labelledby="must-change-title" data-testid="must-change">
      <h1 className="screen__title" id="must-change-title">
        {t('lock.pw.mustChangeTitle')}
      </h1>
      <p className="muted">{t('lock.pw.mustChangeHint', { username: session.user.username })}</p>
      {changed ? null : <NewPasswordFields next={next} confirm={confirm} onNext={setNext} onConfirm={setConfirm} />}
      <FormError message={error} />
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? t('lock.pw.saving') : changed ? t('lock.pw.retrySignIn') : t('lock.pw.changeAndSignIn')}
      </Button>
      <Button type="button" onClick={onCancel}>
        {t('lock.cancel')}
      </Button>
    </form>
  )
}
