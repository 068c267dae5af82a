// Translation keys for what sign-in and unlock can throw.
import type { TFunction } from '../../i18n'
import { LoginError } from '../../security/session'
import { PinUnlockError } from '../../security/vault'

export function lockErrorText(err: unknown, t: TFunction, pinDays: number): string {
  if (err instanceof LoginError) return t(`lock.err.${err.code}`)
  if (err instanceof PinUnlockError) {
    if (err.code === 'wrong') return t('lock.err.pinWrong', { remaining: err.remaining })
    if (err.code === 'exhausted') return t('lock.err.pinExhausted')
    if (err.code === 'expired') return t('lock.err.pinExpired', { days: pinDays })
    return t('lock.err.pinNone')
  }
  return t('lock.err.unknown')
}
