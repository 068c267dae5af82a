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
  // The count is visible and part of the link's name (axe: the name contains the visible text); what it
  // counts is said to screen readers only.
  return (
    <a href={hrefOf({ name: 'inbox' })} className="top-bar__link" aria-current={current ? 'page' : undefined} data-testid="inbox-link">
      {t('shell.nav.inbox')}
      {total > 0 ? (
        <>
          {' '}
          <span className="ui-badge ui-badge--danger" data-testid="inbox-badge">
            {total}
          </span>{' '}
          <span className="visually-hidden">
            {overdue > 0 ? t('shell.nav.inboxOverdue', { n: urgent, overdue }) : t('shell.nav.inboxUrgent', { n: urgent })}
          </span>
        </>
      ) : null}
    </a>
  )
}
