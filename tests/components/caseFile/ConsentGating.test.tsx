// @vitest-environment jsdom
// Consent gating in the case file (issue 9): a referral to a team no recorded consent covers cannot be
// sent (the reason names both laws) unless the legal basis is chosen; once a consent naming the team is
// recorded here it can; the receiving team then sees 의뢰 받음 and accepts. Offline, nothing can be sent.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { CaseFileScreen } from '../../../src/features/caseFile/CaseFileScreen'
import { forgetSession, keepSession } from '../../../src/security/session'
import { getCaseFile, whenAllWritten } from '../../../src/store'
import { getDb } from '../../../src/store/db'
import { freshStore, makeCase, openTab, renderKo } from './fixtures'

const TEAMS = [
  { id: 'dong-sinchon', name: '신촌동 주민센터' },
  { id: 'hope-center', name: '희망복지지원단' },
]

function session(username: string, team: string) {
  return { token: `${username}-token`, user: { id: username, username, role: 'worker' as const, team }, loggedInAt: new Date().toISOString() }
}

let calls: { path: string; body: unknown }[] = []

beforeEach(async () => {
  freshStore()
  calls = []
  vi.stubGlobal('fetch', async (path: string, init?: RequestInit) => {
    calls.push({ path, body: init?.body ? JSON.parse(String(init.body)) : undefined })
    const body = path === '/api/teams' ? { teams: TEAMS } : { ok: true }
    return new Response(JSON.stringify(body), { status: 200 })
  })
  await keepSession(session('dong.worker', 'dong-sinchon'))
})
afterEach(() => {
  cleanup()
  forgetSession()
  vi.unstubAllGlobals()
})

/** No sync engine runs in these tests: mark the device's changes as acknowledged, as the engine would. */
async function syncedWithRelay() {
  await whenAllWritten()
  await getDb().updates.toCollection().modify({ acked: 1 })
  await getDb().docs.toCollection().modify({ hasPending: 0 })
}

async function openReferralForm() {
  fireEvent.click(await screen.findByRole('button', { name: '다른 팀에 의뢰' }))
  const form = screen.getByRole('form', { name: '다른 팀에 의뢰' })
  const team = within(form).getByLabelText(/받을 팀/)
  await waitFor(() => expect(within(team).getByRole('option', { name: '희망복지지원단' })).toBeInTheDocument())
  fireEvent.change(team, { target: { value: 'hope-center' } })
  return form
}

describe('consent gating', () => {
  it('refuses a referral without a covering consent unless the legal basis is chosen', async () => {
    const caseId = await makeCase('월세 체납')
    renderKo(<CaseFileScreen caseId={caseId} />)
    const form = await openReferralForm()
    const send = within(form).getByRole('button', { name: '의뢰 보내기' })
    expect(await within(form).findByTestId('consent-gate')).toHaveTextContent(/개인정보 보호법 제17조.*사회보장급여법 제15조/)
    expect(send).toBeDisabled()
    fireEvent.click(within(form).getByRole('radio', { name: /사회보장급여법 제15조/ }))
    expect(within(form).queryByTestId('consent-gate')).toBeNull()
    expect(send).toBeEnabled()
    fireEvent.click(within(form).getByRole('radio', { name: '개인정보 제공 동의' }))
    expect(send).toBeDisabled()
    expect(calls.filter((c) => c.path !== '/api/teams')).toEqual([])
  })

  it('records a consent naming the team; then the referral goes, and the receiving team accepts it', async () => {
    const caseId = await makeCase('월세 체납')
    renderKo(<CaseFileScreen caseId={caseId} />)
    fireEvent.click(await screen.findByRole('button', { name: '동의 기록' }))
    const consentForm = screen.getByRole('form', { name: '동의 기록' })
    fireEvent.click(within(consentForm).getByRole('radio', { name: '구두' }))
    fireEvent.input(within(consentForm).getByLabelText(/제공 범위/), { target: { value: '희망복지지원단, 보건소' } })
    fireEvent.click(within(consentForm).getByRole('button', { name: '동의 저장' }))
    expect(await screen.findByTestId('consent')).toHaveTextContent(/구두 · 희망복지지원단, 보건소\s*유효/)

    await syncedWithRelay()
    const form = await openReferralForm()
    expect(within(form).queryByTestId('consent-gate')).toBeNull()
    fireEvent.input(within(form).getByLabelText(/의뢰 사유/), { target: { value: '고난도 사례로 지원단 접수 요청' } })
    fireEvent.click(within(form).getByRole('button', { name: '의뢰 보내기' }))
    expect(await screen.findByTestId('referral')).toHaveTextContent(/의뢰 희망복지지원단 .* dong\.worker\s*수락 대기/)
    expect(calls.find((c) => c.path === '/api/refer')?.body).toEqual({ name: `case/${caseId}`, team: 'hope-center' })

    // The same case file on a device of the receiving team.
    await act(() => keepSession(session('hope.worker', 'hope-center')))
    const notice = await screen.findByTestId('referral-notice')
    expect(notice).toHaveTextContent(/의뢰 받음.*신촌동 주민센터/)
    fireEvent.click(within(notice).getByRole('button', { name: '의뢰 수락' }))
    await waitFor(() => expect(screen.queryByTestId('referral-notice')).toBeNull())
    expect(calls.at(-1)).toEqual({ path: '/api/accept', body: { name: `case/${caseId}` } })
    expect((await getCaseFile(caseId))?.referrals[0]?.acceptedBy).toBe('hope.worker')
    await openTab('이력')
    const history = () => screen.getAllByRole('listitem').map((li) => li.textContent ?? '')
    await waitFor(() => expect(history()).toEqual(expect.arrayContaining([
      expect.stringMatching(/의뢰 수락 신촌동 주민센터 → 희망복지지원단$/),
      expect.stringMatching(/의뢰 신촌동 주민센터 → 희망복지지원단 · 고난도 사례로 지원단 접수 요청$/),
      expect.stringMatching(/개인정보 제공 동의 기록 · 희망복지지원단, 보건소$/),
    ])))
    // The 지원단 owns it now: it may refer or share; the 동 team keeps the case but no longer gives it on.
    await openTab('가구')
    expect(await screen.findByRole('button', { name: '다른 팀에 의뢰' })).toBeInTheDocument()
    await act(() => keepSession(session('dong.worker', 'dong-sinchon')))
    await waitFor(() => expect(screen.queryByRole('button', { name: '다른 팀에 의뢰' })).toBeNull())
    expect(screen.queryByRole('button', { name: '열람 공유' })).toBeNull()
  })

  it('offline: referring and sharing are off, with the reason', async () => {
    const caseId = await makeCase()
    Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => false })
    try {
      renderKo(<CaseFileScreen caseId={caseId} />)
      expect(await screen.findByText('서버에 연결되어 있을 때만 의뢰·수락·공유할 수 있습니다.')).toBeVisible()
      expect(screen.getByRole('button', { name: '다른 팀에 의뢰' })).toBeDisabled()
      expect(screen.getByRole('button', { name: '열람 공유' })).toBeDisabled()
    } finally {
      delete (window.navigator as { onLine?: boolean }).onLine
    }
  })
})
