// Once, after a user's first sign-in on a device: offer a PIN so the next unlocks are quick.
import { useT } from '../../i18n'
import { reloadAccount, useAccess } from '../../security/access'
import { markPinOffered } from '../../security/vault'
import { Button } from '../common'

export function PinOffer() {
  const t = useT()
  const access = useAccess()
  if (access.status !== 'unlocked' || access.account.pin || access.account.pinOffered) return null
  const { userId } = access.account
  const done = () => void markPinOffered(userId).then(reloadAccount)
  return (
    <div className="banner banner--info" role="status" data-testid="pin-offer">
      <span>{t('lock.pinOffer')}</span>{' '}
      <a href="#/settings" onClick={done}>
        {t('lock.pinOfferSet')}
      </a>{' '}
      <Button onClick={done}>{t('lock.pinOfferLater')}</Button>
    </div>
  )
}
