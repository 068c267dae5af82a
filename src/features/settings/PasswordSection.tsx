// 비밀번호 변경: on the relay (its policy, its Korean reasons), then the device key is re-wrapped under
// the new password so the next offline unlock takes it. The relay ends this user's other sessions.
import { useState } from 'react'
import type { FormEvent } from 'react'
import { useT } from '../../i18n'
import { unlockedKey } from '../../security/access'
import { changePasswordOnRelay, PasswordChangeError, useSession } from '../../security/session'
import { rewrapPassword } from '../../security/vault'
import type { DeviceAccount } from '../../store/deviceRegistry'
import { Button, FormError, PasswordField, Section, useToast } from '../common'
import { NewPasswordFields } from '../lock/NewPasswordFields'
import { passwordChangeErrorText } from '../lock/passwordChangeErrors'

export function PasswordSection({ account }: { account: DeviceAccount }) {
  const t = useT()
  const toast = useToast()
  const session = useSession()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(undefined)
    try {
      if (next !== confirm) throw new PasswordChangeError('mismatch')
      const key = unlockedKey()
      if (!session || !key) throw new PasswordChangeError('session')
      setBusy(true)
      await changePasswordOnRelay(session.token, current, next)
      await rewrapPassword(account.userId, key, next)
      setCurrent('')
      setNext('')
      setConfirm('')
      toast({ message: t('settings.passwordChanged') })
    } catch (err) {
      setError(passwordChangeErrorText(err, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section title={t('settings.passwordChange')}>
      <form onSubmit={submit} noValidate className="login-form" data-testid="password-change">
        <PasswordField label={t('lock.pw.current')} value={current} onChange={setCurrent} />
        <NewPasswordFields next={next} confirm={confirm} onNext={setNext} onConfirm={setConfirm} />
        <FormError message={error} />
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('lock.pw.saving') : t('settings.passwordChangeButton')}
        </Button>
      </form>
    </Section>
  )
}
