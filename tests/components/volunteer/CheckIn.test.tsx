// @vitest-environment jsdom
// 안부확인: from the home, three taps and one sentence make a valid CheckIn report (in the volunteer's
// name, team and kind); no outcome, no report; the draft survives leaving the screen and coming back.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { CheckInSchema, todayInSeoul } from '../../../src/domain'
import { checkInDraftKey } from '../../../src/features/volunteer/CheckInScreen'
import { forgetSession } from '../../../src/security/session'
import { loadDraft, whenDraftsSaved } from '../../../src/store/drafts'
import { setVolunteerKind } from '../../../src/store/volunteerProfile'
import { listReports } from '../../../src/store/volunteerStore'
import { freshStore } from '../shell/harness'
import { TEAM, VOLUNTEER_ID, instantOn, makeBrief, renderVolunteerApp, signInAs } from './helpers'

beforeEach(async () => {
  freshStore()
  await signInAs('volunteer')
  await setVolunteerKind('neighbor')
})
afterEach(() => {
  cleanup()
  forgetSession()
  window.location.hash = '#/'
})

function typeInto(el: HTMLElement, value: string) {
  fireEvent.input(el, { target: { value } })
  fireEvent.change(el, { target: { value } })
}

const note = () => screen.getByRole('textbox', { name: '한 줄 메모 (선택)' })

describe('안부확인', () => {
  it('three taps and one sentence save a valid check-in, then home with a toast', async () => {
    const brief = await makeBrief('김순자', { assignedAt: instantOn(-10) })
    renderVolunteerApp()
    // tap 1: the household
    fireEvent.click(await screen.findByRole('link', { name: /김순자/ }))
    expect(await screen.findByRole('heading', { name: '김순자 님 댁 안부확인', level: 1 })).toBeInTheDocument()
    // no outcome is chosen for the volunteer
    const outcome = await screen.findByTestId('checkin-outcome')
    expect(within(outcome).getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(0)
    // tap 2: the outcome
    fireEvent.click(within(outcome).getByLabelText('만남'))
    // one sentence
    typeInto(note(), '식사는 잘 하신다고 함')
    // tap 3: save
    fireEvent.click(screen.getByRole('button', { name: '저장하고 보내기' }))

    expect(await screen.findByText('안부확인을 저장했습니다. 인터넷이 연결되면 보냅니다.')).toBeInTheDocument()
    await waitFor(() => expect(window.location.hash).toBe('#/'))
    const reports = await listReports()
    expect(reports).toHaveLength(1)
    const report = CheckInSchema.parse(reports[0]?.report)
    expect(report).toMatchObject({
      kind: 'checkin',
      briefId: brief.id,
      teamId: TEAM,
      by: VOLUNTEER_ID,
      byKind: 'neighbor',
      date: todayInSeoul(),
      outcome: 'met',
      signs: [],
      note: '식사는 잘 하신다고 함',
      contactRequested: false,
    })
    expect(report.id).toMatch(/^[0-9a-f-]{36}$/)
    // the draft is gone, and the household moved out of "due today"
    await whenDraftsSaved()
    expect(await loadDraft(checkInDraftKey(brief.id))).toBeUndefined()
    expect(await screen.findByTestId('later-list')).toHaveTextContent('김순자')
    expect(await screen.findByTestId('report-row')).toHaveTextContent('전송 대기')
  })

  it('without an outcome it says so next to the buttons and writes nothing', async () => {
    const brief = await makeBrief('김순자')
    renderVolunteerApp(`#/checkin/${brief.id}`)
    fireEvent.click(await screen.findByRole('button', { name: '저장하고 보내기' }))
    expect(await screen.findByText('만남, 부재, 거절, 전화 통화 중 하나를 골라 주세요.')).toBeInTheDocument()
    expect(screen.getByTestId('checkin-outcome')).toHaveAttribute('aria-invalid', 'true')
    expect(await listReports()).toEqual([])
  })

  it('keeps the draft at every change: it survives unmount and remount', async () => {
    const brief = await makeBrief('김순자')
    renderVolunteerApp(`#/checkin/${brief.id}`)
    await screen.findByRole('button', { name: '저장하고 보내기' })
    fireEvent.click(within(screen.getByTestId('checkin-outcome')).getByLabelText('부재'))
    fireEvent.click(within(screen.getByTestId('checkin-signs')).getByLabelText('우편물 쌓임'))
    fireEvent.click(screen.getByLabelText('담당자 연락 요청'))
    typeInto(note(), '우편함이 가득 참')
    fireEvent.blur(note())
    await whenDraftsSaved()
    cleanup()

    renderVolunteerApp(`#/checkin/${brief.id}`)
    await waitFor(() => expect(note()).toHaveValue('우편함이 가득 참'))
    expect(within(screen.getByTestId('checkin-outcome')).getByLabelText('부재')).toBeChecked()
    expect(within(screen.getByTestId('checkin-signs')).getByLabelText('우편물 쌓임')).toBeChecked()
    expect(screen.getByLabelText('담당자 연락 요청')).toBeChecked()
    expect(await listReports()).toEqual([])

    fireEvent.click(screen.getByRole('button', { name: '저장하고 보내기' }))
    await waitFor(async () => expect(await listReports()).toHaveLength(1))
    const report = CheckInSchema.parse((await listReports())[0]?.report)
    expect(report).toMatchObject({ outcome: 'absent', signs: ['mailPiling'], note: '우편함이 가득 참', contactRequested: true })
  })
})
