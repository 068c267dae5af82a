// PIN for quick unlock, auto-lock minutes and how long a PIN stays usable after a password login.
import { useState } from 'react'
import type { FormEvent } from 'react'
import { useT } from '../../i18n'
import { reloadAccount, unlockedKey } from '../../security/access'
import { pinProblem } from '../../security/pinPolicy'
import { clearPin, setLockTimes, setPin } from '../../security/vault'
import type { DeviceAccount } from '../../store/deviceRegistry'
import { Button, Field, FormError, Section, useToast } from '../common'

const wholeIn = (text: string, min: number, max: number) => /^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max

export function LockSection({ account }: { account: DeviceAccount }) {
  const t = useT()
  const toast = useToast()
  const [pin, setPinText] = useState('')
  const [confirm, setConfirm] = useState('')
  const [pinError, setPinError] = useState<string>()
  const [minutes, setMinutes] = useState(String(account.idleMinutes))
  const [days, setDays] = useState(String(account.pinDays))
  const [timesError, setTimesError] = useState<{ minutes?: string; days?: string }>({})

  const savePin = async (e: FormEvent) => {
    e.preventDefault()
    const problem = pinProblem(pin)
    if (problem) return setPinError(t(`lock.err.pin.${problem}`))
    if (pin !== confirm) return setPinError(t('lock.err.pin.mismatch'))
    const key = unlockedKey()
    if (!key) return
    setPinError(undefined)
    await setPin(account.userId, key, pin)
    await reloadAccount()
    setPinText('')
    setConfirm('')
    toast({ message: t('lock.pinSaved') })
  }

  const removePin = async () => {
    await clearPin(account.userId)
    await reloadAccount()
    toast({ message: t('lock.pinRemoved') })
  }

  const saveTimes = async (e: FormEvent) => {
    e.preventDefault()
    const found = {
      ...(wholeIn(minutes, 1, 60) ? {} : { minutes: t('lock.err.minutes') }),
      ...(wholeIn(days, 1, 30) ? {} : { days: t('lock.err.days') }),
    }
    setTimesError(found)
    if (found.minutes || found.days) return
    await setLockTimes(account.userId, { idleMinutes: Number(minutes), pinDays: Number(days) })
    await reloadAccount()
    toast({ message: t('lock.timesSaved') })
  }

  const digits = (set: (v: string) => void) => (e: { target: { value: string } }) => set(e.target.value.replace(/\D/g, ''))

  return (
    <Section title={t('lock.section')}>
      <p className="muted" data-testid="pin-state">
        {account.pin ? t('lock.pinSet', { days: account.pinDays }) : t('lock.pinNotSet')}
      </p>
      <form onSubmit={(e) => void savePin(e)} noValidate className="login-form">
        <Field label={t('lock.newPin')}>
          {(c) => <input {...c} className="ui-input" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={digits(setPinText)} />}
        </Field>
        <Field label={t('lock.confirmPin')}>
          {(c) => (
            <input {...c} className="ui-input" type="password" inputMode="numeric" autoComplete="off" value={confirm} onChange={digits(setConfirm)} />
          )}
        </Field>
        <FormError message={pinError} />
        <div className="ui-row">
          <Button type="submit" variant="primary">
            {t('lock.savePin')}
          </Button>
          {account.pin ? <Button onClick={() => void removePin()}>{t('lock.removePin')}</Button> : null}
        </div>
      </form>
      <form onSubmit={(e) => void saveTimes(e)} noValidate className="login-form">
        <Field label={t('lock.idleMinutes')} error={timesError.minutes}>
          {(c) => <input {...c} className="ui-input" inputMode="numeric" value={minutes} onChange={digits(setMinutes)} />}
        </Field>
        <Field label={t('lock.pinDays')} error={timesError.days}>
          {(c) => <input {...c} className="ui-input" inputMode="numeric" value={days} onChange={digits(setDays)} />}
        </Field>
        <Button type="submit">{t('lock.save')}</Button>
      </form>
    </Section>
  )
}
