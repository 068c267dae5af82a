// Case files that left this device because this user may no longer read them, while it held changes
// the relay never took: their text, to copy before dismissing it.
import { useState } from 'react'
import { dismissLostDoc, useLostDocs } from '../../store'
import { useT } from '../../i18n'
import { formatDateTime } from '../../domain'
import { Button } from '../common'

export function LostAccessBanner() {
  const t = useT()
  const lost = useLostDocs()
  const [open, setOpen] = useState<string | null>(null)
  if (lost.length === 0) return null
  return (
    <div className="banner banner--danger" role="alert" data-testid="lost-access">
      <span>{t('shell.lostAccess', { n: lost.length })}</span>
      <ul className="banner__list">
        {lost.map((d) => (
          <li key={d.name}>
            <strong>{d.headName}</strong> · {formatDateTime(d.removedAt)}{' '}
            <Button onClick={() => setOpen(open === d.name ? null : d.name)}>{open === d.name ? t('shell.lostHide') : t('shell.lostShow')}</Button>
            {open === d.name ? (
              <div className="lost-access__body">
                <textarea className="ui-input lost-access__text" readOnly value={d.text} aria-label={t('shell.lostText', { name: d.headName })} rows={8} />
                <Button variant="danger" onClick={() => void dismissLostDoc(d.name)}>
                  {t('shell.lostDismiss')}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
