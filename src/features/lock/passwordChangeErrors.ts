// Translation keys for what a password change can answer (the relay's policy, the form's own checks).
import type { TFunction } from '../../i18n'
import { PasswordChangeError } from '../../security/session'

export function passwordChangeErrorText(err: unknown, t: TFunction): string {
  return err instanceof PasswordChangeError ? t(`lock.pw.err.${err.code}`) : t('lock.pw.err.server')
}
