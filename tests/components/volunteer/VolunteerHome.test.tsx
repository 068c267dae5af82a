// @vitest-environment jsdom
// The volunteer's home: households due today or overdue first (oldest due first), then the rest; the
// kind chosen once and shown; the empty state; the status words of their reports.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { addDays, formatDate, todayInSeoul } from '../../../src/domain'
import type { InboxItem } from '../../../src/domain'
import { statusWord } from '../../../src/features/volunteer/model'
import { forgetSession } from '../../../src/security/session'
import { getVolunteerKind } from '../../../src/store/volunteerProfile'
import { saveReport, updateHandling } from '../../../src/store/volunteerStore'
import { freshStore } from '../shell/harness'
import { checkIn, instantOn, makeBrief, renderVolunteerApp, signInAs } from './helpers'

beforeEach(async () => {
  freshStore()
  await signInAs('volunteer')
})
afterEach(() => {
  cleanup()
  forgetSession()
  window.location.hash = '#/'
})

const names = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByTestId('household-row')
    .map((row) => row.querySelector('.vol-household__name')?.textContent)

describe('volunteer home', () => {
  it('lists households due today or overdue first, then the rest, with address, schedule and due date', async () => {
    const today = todayInSeoul()
    // due in 6 days: checked on yesterday, weekly
    const later = await makeBrief('나중순', { assignedAt: instantOn(-20) })
    await saveReport(checkIn(later.id, addDays(today, -1)))
    // overdue by 3 days: last check-in 10 days ago, weekly
    const overdue = await makeBrief('지난순', { assignedAt: instantOn(-30) })
    await saveReport(checkIn(overdue.id, addDays(today, -10)))
    // due today: assigned today, never checked
    await makeBrief('오늘순', { assignedAt: instantOn(0), schedule: 'monthly' })
    // monthly, checked 2 days ago: later, after 나중순
    const monthly = await makeBrief('한달순', { assignedAt: instantOn(-40), schedule: 'monthly' })
    await saveReport(checkIn(monthly.id, addDays(today, -2)))
    // ended briefs are not shown
    await makeBrief('끝난순', { assignedAt: instantOn(-30), endedAt: instantOn(-1) })

    renderVolunteerApp()
    await waitFor(() => expect(screen.getAllByTestId('household-row')).toHaveLength(4))
    expect(names('due-list')).toEqual(['지난순', '오늘순'])
    expect(names('later-list')).toEqual(['나중순', '한달순'])
    expect(screen.queryByText('끝난순')).toBeNull()

    const first = within(screen.getByTestId('due-list')).getAllByTestId('household-row')[0] as HTMLElement
    expect(first).toHaveTextContent(overdue.address)
    expect(first).toHaveTextContent('주기: 매주')
    expect(first).toHaveTextContent(`다음 안부확인 ${formatDate(addDays(today, -3))}`)
    expect(first).toHaveTextContent('3일 지남')
    expect(first).toHaveAttribute('href', `#/checkin/${overdue.id}`)
    expect(screen.getByText('오늘순').closest('a')?.querySelector('.vol-today')).toHaveTextContent('오늘')
    expect(screen.getByRole('link', { name: '새 발굴 보고' })).toHaveAttribute('href', '#/discovery')
  })

  it('shows the empty state with no households, asks the kind once and shows it', async () => {
    renderVolunteerApp()
    expect(await screen.findByTestId('no-households')).toHaveTextContent('아직 배정된 가구가 없습니다')
    const picker = await screen.findByTestId('kind-picker')
    fireEvent.click(within(picker).getByLabelText('복지통장'))
    expect(await screen.findByTestId('volunteer-kind')).toHaveTextContent('복지통장')
    await waitFor(() => expect(screen.queryByTestId('kind-picker')).toBeNull())
    expect(await getVolunteerKind()).toBe('tongjang')
  })

  it('shows each report with its status word from the handling', async () => {
    const brief = await makeBrief('김순자', { assignedAt: instantOn(-30) })
    const today = todayInSeoul()
    const waiting = checkIn(brief.id, today, { createdAt: instantOn(0) })
    const seen = checkIn(brief.id, addDays(today, -7), { createdAt: instantOn(-7) })
    const taken = checkIn(brief.id, addDays(today, -14), { createdAt: instantOn(-14) })
    await saveReport(waiting)
    const seenName = await saveReport(seen)
    const takenName = await saveReport(taken)
    await updateHandling(seenName, { ack: { by: 'wrk-0001', at: instantOn(-6) } })
    await updateHandling(takenName, { linked: { by: 'wrk-0001', at: instantOn(-13), caseId: brief.caseId, monitoringId: 'mon-1' } })

    renderVolunteerApp()
    await waitFor(() => expect(screen.getAllByTestId('report-row')).toHaveLength(3))
    const rows = screen.getAllByTestId('report-row')
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['pending', 'acknowledged', 'received'])
    expect(rows[0]).toHaveTextContent('안부확인 · 김순자')
    expect(rows[0]).toHaveTextContent('전송 대기')
    expect(rows[1]).toHaveTextContent('확인됨')
    expect(rows[2]).toHaveTextContent('접수됨')
    expect(screen.getByTestId('pending-reports')).toHaveTextContent('보내지 않은 보고 3건')
  })

  it('says 보냄 once the relay has a report the worker has not handled yet', () => {
    const item = { name: 'report/x', report: checkIn('brf-1', todayInSeoul()), handling: {} } satisfies InboxItem
    expect(statusWord(item, { pending: false, rejected: false })).toBe('sent')
    expect(statusWord(item, { pending: true, rejected: false })).toBe('pending')
    expect(statusWord(item, { pending: false, rejected: true })).toBe('rejected')
    expect(statusWord({ ...item, handling: { ack: { by: 'w', at: instantOn(0) } } }, { pending: true, rejected: false })).toBe('acknowledged')
    expect(statusWord({ ...item, handling: { intake: { by: 'w', at: instantOn(0), caseId: crypto.randomUUID() } } }, undefined)).toBe('received')
  })
})
