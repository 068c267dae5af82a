// @vitest-environment jsdom
// 받은 보고 (issue 10): volunteers' reports in inbox order (open urgent first, then open, then handled), with
// 확인, 접수로 전환 (a discovery becomes a new case file, then the case opens) and 기존 사례에 연결 (a check-in
// becomes a 점검 entry of its brief's case); the top bar's badge counts open urgent reports.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { CheckIn, Discovery } from '../../../src/domain'
import { InboxScreen } from '../../../src/features/inbox/InboxScreen'
import { InboxLink } from '../../../src/features/inbox/InboxLink'
import { hrefOf, parseRoute } from '../../../src/features/shell/router'
import { forgetSession, keepSession } from '../../../src/security/session'
import { assignVolunteer, createCase, getCaseFile, listReports, updateHandling } from '../../../src/store'
import { saveReport } from '../../../src/store/volunteerStore'
import { freshStore, renderKo } from '../caseFile/fixtures'

const WORKER_ID = '6f1e2d3c-4b5a-4968-8776-65544332211a'
const VOL = '0b7a4c1e-1d2f-4a5b-8c9d-0e1f2a3b4c5d'
const session = { token: 'dong-token', user: { id: WORKER_ID, username: 'dong.worker', role: 'worker' as const, team: 'dong-sinchon' }, loggedInAt: new Date().toISOString() }
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString()

function discovery(patch: Partial<Discovery> = {}): Discovery {
  return {
    id: crypto.randomUUID(), teamId: 'dong-sinchon', by: VOL, byKind: 'tongjang', createdAt: daysAgo(1), kind: 'discovery', date: '2026-11-20',
    place: '서울특별시 서대문구 명물길 7', who: '70대 남성', signs: ['mailPiling'], crisisTypes: ['livelihood'], urgency: 'routine',
    consentToContact: true, note: '', photos: [], ...patch,
  }
}

function checkIn(briefId: string, patch: Partial<CheckIn> = {}): CheckIn {
  return {
    id: crypto.randomUUID(), teamId: 'dong-sinchon', by: VOL, byKind: 'neighbor', createdAt: daysAgo(2), kind: 'checkin', briefId,
    date: '2026-11-21', outcome: 'met', signs: [], note: '잘 지내심', contactRequested: false, ...patch,
  }
}

beforeEach(async () => {
  freshStore()
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ volunteers: [{ id: VOL, username: 'dong.volunteer' }] }), { status: 200 }))
  await keepSession(session)
  window.location.hash = '#/inbox'
})
afterEach(() => {
  cleanup()
  forgetSession()
  vi.unstubAllGlobals()
})

const items = () => screen.findAllByTestId('inbox-item')

describe('InboxScreen', () => {
  it('says so when nothing has come in', async () => {
    renderKo(<InboxScreen />)
    expect(await screen.findByText('아직 받은 보고가 없습니다')).toBeInTheDocument()
  })

  it('lists open urgent reports first, then open ones, then handled ones, newest first within each', async () => {
    const handled = await saveReport(discovery({ createdAt: daysAgo(0), who: '처리된 분' }))
    await updateHandling(handled, { ack: { by: WORKER_ID, at: new Date().toISOString() } })
    await saveReport(discovery({ createdAt: daysAgo(3), who: '오래된 분' }))
    await saveReport(discovery({ createdAt: daysAgo(1), who: '최근 분' }))
    await saveReport(checkIn(crypto.randomUUID(), { createdAt: daysAgo(5), contactRequested: true, signs: ['suicideRisk'] }))
    renderKo(<InboxScreen />)
    await waitFor(async () => expect(await items()).toHaveLength(4))
    const list = await items()
    expect(within(list[0]!).getByRole('heading')).toHaveTextContent('안부확인')
    expect(within(list[0]!).getByText('긴급')).toBeInTheDocument()
    expect(within(list[0]!).getByText('담당자 연락 요청')).toBeInTheDocument()
    expect(within(list[0]!).getByText('자살 위험 징후', { exact: false })).toBeInTheDocument()
    expect(within(list[0]!).getByText(/dong\.volunteer · 이웃살피미/)).toBeInTheDocument()
    expect(list[1]).toHaveTextContent('최근 분')
    expect(list[2]).toHaveTextContent('오래된 분')
    expect(list[3]).toHaveTextContent('처리된 분')
    expect(list[3]).toHaveTextContent('확인: 나')
    expect(within(list[1]!).getByText('발굴 보고')).toBeInTheDocument()
    expect(within(list[1]!).getByText('우편물 쌓임')).toBeInTheDocument()
    expect(within(list[1]!).getByTestId('discovery-due')).toHaveTextContent('14일 기한')
  })

  it('flags a discovery nobody has taken up by its 14th day', async () => {
    await saveReport(discovery({ createdAt: daysAgo(20) }))
    renderKo(<InboxScreen />)
    expect(await screen.findByText('기한 지남')).toBeInTheDocument()
  })

  it('확인 stamps who and when', async () => {
    await saveReport(discovery())
    renderKo(<InboxScreen />)
    fireEvent.click(await screen.findByRole('button', { name: '확인' }))
    expect(await screen.findByText(/확인: 나/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '확인' })).not.toBeInTheDocument()
    expect((await listReports())[0]?.handling.ack?.by).toBe(WORKER_ID)
  })

  it('접수로 전환 asks for the 대상 유형, opens a prefilled case and links the report to it', async () => {
    const report = discovery({ name: '최누리' })
    await saveReport(report)
    renderKo(<InboxScreen />)
    fireEvent.click(await screen.findByRole('button', { name: '접수로 전환' }))
    fireEvent.click(screen.getByRole('button', { name: '사례 만들기' }))
    expect(await screen.findByText('대상 유형을 고르세요.')).toBeInTheDocument()
    fireEvent.click(screen.getByLabelText('차상위계층'))
    fireEvent.click(screen.getByRole('button', { name: '사례 만들기' }))
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/case\/[0-9a-f-]{36}$/))
    const caseId = window.location.hash.slice('#/case/'.length)
    const cf = (await getCaseFile(caseId))!
    expect(cf.intake.source).toBe('volunteerReport')
    expect(cf.household).toMatchObject({ address: report.place, targetType: 'nearPoor' })
    expect(cf.members[0]?.name).toBe('최누리')
    expect((await listReports())[0]?.handling.intake?.caseId).toBe(caseId)
    expect(await screen.findByRole('link', { name: '사례 보기' })).toHaveAttribute('href', `#/case/${caseId}`)
  })

  it('기존 사례에 연결 adds a 점검 entry to the brief\'s case; without the brief it cannot', async () => {
    const caseId = await createCase({
      household: { targetType: 'basic', address: '서울특별시 중구 세종대로 110' }, members: [{ name: '김민수' }],
      intake: { date: '2026-11-01', source: 'dongCenter', presentingProblem: '' }, level: 'general',
    })
    const brief = await assignVolunteer(caseId, { volunteerId: VOL, schedule: 'weekly', watchFor: '', centerContact: '' }, { id: WORKER_ID, team: 'dong-sinchon' })
    await saveReport(checkIn(brief.id, { outcome: 'absent' }))
    renderKo(<InboxScreen />)
    expect(await screen.findByText('대상: 김민수')).toBeInTheDocument()
    fireEvent.click(await screen.findByRole('button', { name: '기존 사례에 연결' }))
    expect(await screen.findByRole('link', { name: '사례 보기' })).toHaveAttribute('href', `#/case/${caseId}`)
    const cf = (await getCaseFile(caseId))!
    expect(cf.monitoring).toHaveLength(1)
    expect(cf.monitoring[0]).toMatchObject({ contact: 'noAnswer', date: '2026-11-21' })
    expect(screen.getByText(/사례에 연결: 나/)).toBeInTheDocument()
    cleanup()

    await saveReport(checkIn(crypto.randomUUID()))
    renderKo(<InboxScreen />)
    await screen.findByText('이 안부확인의 배정 정보가 이 기기에 없어 연결할 수 없습니다.')
    expect(screen.getByRole('button', { name: '기존 사례에 연결' })).toBeDisabled()
  })
})

describe('InboxLink', () => {
  it('shows the number of open urgent reports only when there are any, and says it', async () => {
    renderKo(<InboxLink current={false} />)
    const link = await screen.findByRole('link', { name: '받은 보고' })
    expect(screen.queryByTestId('inbox-badge')).not.toBeInTheDocument()
    const name = await act(() => saveReport(discovery({ urgency: 'urgent' })))
    await waitFor(() => expect(screen.getByTestId('inbox-badge')).toHaveTextContent('1'))
    expect(link).toHaveAccessibleName('받은 보고 1 (긴급 1건 미처리)')
    await act(() => updateHandling(name, { ack: { by: WORKER_ID, at: new Date().toISOString() } }))
    await waitFor(() => expect(screen.queryByTestId('inbox-badge')).not.toBeInTheDocument())
  })

  it('also counts a discovery nobody took up within 14 days, even once acknowledged', async () => {
    renderKo(<InboxLink current={false} />)
    const link = await screen.findByRole('link', { name: '받은 보고' })
    const old = new Date(Date.now() - 20 * 86_400_000).toISOString()
    const name = await act(() => saveReport(discovery({ createdAt: old })))
    await act(() => updateHandling(name, { ack: { by: WORKER_ID, at: new Date().toISOString() } }))
    await waitFor(() => expect(screen.getByTestId('inbox-badge')).toHaveTextContent('1'))
    expect(link).toHaveAccessibleName('받은 보고 1 (긴급 0건 미처리, 14일 연락 기한 지난 발굴 보고 1건)')
    await act(() => saveReport(discovery({ urgency: 'urgent' })))
    await waitFor(() => expect(screen.getByTestId('inbox-badge')).toHaveTextContent('2'))
    await act(() => updateHandling(name, { intake: { by: WORKER_ID, at: new Date().toISOString(), caseId: crypto.randomUUID() } }))
    await waitFor(() => expect(screen.getByTestId('inbox-badge')).toHaveTextContent('1'))
  })
})

describe('route', () => {
  it('#/inbox opens the inbox and round-trips', () => {
    expect(parseRoute('#/inbox')).toEqual({ name: 'inbox' })
    expect(parseRoute('#/inbox/')).toEqual({ name: 'inbox' })
    expect(hrefOf({ name: 'inbox' })).toBe('#/inbox')
  })
})
