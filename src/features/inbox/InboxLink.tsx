// The top bar's 받은 보고 link, with a badge of open urgent reports (only when there are any).
import { registerMessages, useT } from '../../i18n'
import { navMessages } from './navMessages'
import { hrefOf } from '../shell/router'
import { useUrgentOpenCount } from './useInbox'

registerMessages(navMessages)

export function InboxLink({ current }: { current: boolean }) {
  const t = useT()
  const urgent = useUrgentOpenCount()
  return (
    <a
      href={hrefOf({ name: 'inbox' })}
      className="top-bar__link"
      aria-current={current ? 'page' : undefined}
      aria-label={urgent > 0 ? t('shell.nav.inboxUrgent', { n: urgent }) : undefined}
      data-testid="inbox-link"
    >
      {t('shell.nav.inbox')}
      {urgent > 0 ? (
        <>
          {' '}
          <span className="ui-badge ui-badge--danger" aria-hidden="true" data-testid="inbox-badge">
            {urgent}
          </span>
        </>
      ) : null}
    </a>
  )
}
