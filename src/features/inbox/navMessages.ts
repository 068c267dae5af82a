// The top bar's 받은 보고 link: in the first load, so kept apart from the inbox screen's messages.
export const navMessages = {
  ko: {
    'shell.nav.inbox': '받은 보고',
    'shell.nav.inboxUrgent': '받은 보고, 긴급 {n}건 미처리',
  },
  en: {
    'shell.nav.inbox': 'Reports',
    'shell.nav.inboxUrgent': 'Reports, {n} urgent open',
  },
}
