// @vitest-environment jsdom
// 의뢰 받음 in the case list (issue 9): a case referred to the user's team and not yet accepted carries the
// badge, and the 의뢰 받음 chip lists only those; the referring team's list shows no badge.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { CaseListScreen } from '../../../src/features/cases/CaseListScreen'
import { forgetSession, keepSession } from '../../../src/security/session'
import { referCase } from '../../../src/store'
import { freshStore, giveElementsHeight, makeCase, renderUi } from '../shell/harness'

const session = (username: string, team: string) => ({
  token: 't', user: { id: username, username, role: 'worker' as const, team }, loggedInAt: new Date().toISOString(),
})
const relay = { syncWaitMs: 0, fetchImpl: (async () => new Response('{"ok":true}', { status: 200 })) as typeof fetch }
const dong = { token: 't', username: 'dong.worker', team: 'dong-sinchon' }

beforeEach(() => {
  freshStore()
  giveElementsHeight()
})
afterEach(() => {
  cleanup()
  forgetSession()
})

const rows = () => screen.queryAllByTestId('case-row').map((r) => r.textContent ?? '')

describe('의뢰 받음', () => {
  it('marks the cases a referral waits at for this team and filters on them', async () => {
    const referred = await makeCase('박나래')
    await makeCase('정한결')
    await referCase(referred, { team: { id: 'hope-center', name: '희망복지지원단' }, basis: 'ssa-15', note: '접수 요청' }, dong, relay)

    await keepSession(session('dong.worker', 'dong-sinchon'))
    renderUi(<CaseListScreen />)
    await waitFor(() => expect(rows()).toHaveLength(2))
    expect(rows().some((r) => r.includes('의뢰 받음'))).toBe(false)

    await act(() => keepSession(session('hope.worker', 'hope-center')))
    await waitFor(() => expect(rows().filter((r) => r.includes('의뢰 받음'))).toEqual([expect.stringContaining('박나래')]))
    fireEvent.click(screen.getByRole('button', { name: '의뢰 받음', pressed: false }))
    await waitFor(() => expect(rows()).toEqual([expect.stringContaining('박나래')]))
    fireEvent.click(screen.getByRole('button', { name: '의뢰 받음', pressed: true }))
    await waitFor(() => expect(rows()).toHaveLength(2))
  })
})
