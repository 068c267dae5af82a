// The top bar's 받은 보고 link: in the first load, so kept apart from the inbox screen's messages.
export const navMessages = {
  ko: {
    'shell.nav.inbox': '받은 보고',
    'shell.nav.inboxUrgent': '(긴급 {n}건 미처리)',
    'shell.nav.inboxOverdue': '(긴급 {n}건 미처리, 14일 연락 기한 지난 발굴 보고 {overdue}건)',
  },
  en: {
    'shell.nav.inbox': 'Reports',
    'shell.nav.inboxUrgent': '({n} urgent open)',
    'shell.nav.inboxOverdue': '({n} urgent open, {overdue} discovery reports past the 14-day contact deadline)',
  },
}
