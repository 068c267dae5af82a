// Unlock for users who already have data on this device: PIN while it is valid, else the password.
// Works with no network at all.
import { useState } from 'react'
import type { FormEvent } from 'react'
import { useT } from '../../i18n'
import { unlockByPassword, unlockByPin } from '../../security/access'
import { pinUsable } from '../../security/vault'
import type { DeviceAccount } from '../../store/deviceRegistry'
import { Button, ChoiceGroup, Field, FormError } from '../common'
import { lockErrorText } from './lockErrors'

export function UnlockForm({ accounts, onOtherUser }: { accounts: DeviceAccount[]; onOtherUser: () => void }) {
  const t = useT()
  const [userId, setUserId] = useState(accounts[0]?.userId ?? '')
  const account = accounts.find((a) => a.userId === userId) ?? accounts[0]
  const [usePassword, setUsePassword] = useState(false)
  const [secret, setSecret] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  if (!account) return null
  const byPin = !usePassword && pinUsable(account)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!secret) return
    setError(undefined)
    setBusy(true)
    try {
      await (byPin ? unlockByPin(account, secret) : unlockByPassword(account, secret))
    } catch (err) {
      setError(lockErrorText(err, t, account.pinDays))
      setSecret('')
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} noValidate className="lock-form" aria-labelledby="unlock-title">
      <h1 className="screen__title" id="unlock-title">
        {t('lock.unlockTitle')}
      </h1>
      <p className="muted">{t('lock.unlockHint')}</p>
      {accounts.length > 1 ? (
        <ChoiceGroup
          legend={t('lock.account')}
          value={account.userId}
          choices={accounts.map((a) => ({ value: a.userId, label: `${a.username} · ${t(`settings.role.${a.role}`)}` }))}
          onChange={(v) => {
            setUserId(v)
            setSecret('')
            setError(undefined)
          }}
        />
      ) : (
        <p data-testid="unlock-user">
          {account.username} · {t(`settings.role.${account.role}`)}
        </p>
      )}
      <Field label={byPin ? t('lock.pin') : t('settings.password')}>
        {(c) => (
          <input
            {...c}
            key={byPin ? 'pin' : 'password'}
            className="ui-input"
            type="password"
            inputMode={byPin ? 'numeric' : undefined}
            autoComplete={byPin ? 'off' : 'current-password'}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        )}
      </Field>
      <FormError message={error} />
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? t('lock.unlocking') : t('lock.unlock')}
      </Button>
      {pinUsable(account) ? (
        <Button type="button" onClick={() => setUsePassword(!usePassword)}>
          {usePassword ? t('lock.usePin') : t('lock.usePassword')}
        </Button>
      ) : null}
      <Button type="button" onClick={onOtherUser}>
        {t('lock.otherUser')}
      </Button>
    </form>
  )
}
