// The top bar's 받은 보고 link, with a badge of open urgent reports and discoveries past their 14-day contact
// deadline (only when there are any): the worker's due flag outside the inbox.
import { registerMessages, useT } from '../../i18n'
import { navMessages } from './navMessages'
import { hrefOf } from '../shell/router'
import { useInboxAttention } from './useInbox'

registerMessages(navMessages)

export function InboxLink({ current }: { current: boolean }) {
  const t = useT()
  const { urgent, overdue, total } = useInboxAttention()
  return (
    <a
      href={hrefOf({ name: 'inbox' })}
      className="top-bar__link"
      aria-current={current ? 'page' : undefined}
      aria-label={overdue > 0 ? t('shell.nav.inboxOverdue', { n: urgent, overdue }) : urgent > 0 ? t('shell.nav.inboxUrgent', { n: urgent }) : undefined}
      data-testid="inbox-link"
    >
      {t('shell.nav.inbox')}
      {total > 0 ? (
        <>
          {' '}
          <span className="ui-badge ui-badge--danger" aria-hidden="true" data-testid="inbox-badge">
            {total}
          </span>
        </>
      ) : null}
    </a>
  )
}
