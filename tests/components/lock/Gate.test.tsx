// @vitest-environment jsdom
// The app behind its lock, against a real relay (memory storage): first sign-in, lock and unlock,
// wrong credentials, a shared tablet, logout that asks twice with pending edits, and auto-lock.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { render } from '@testing-library/react'
import { App } from '../../../src/App'
import { Gate } from '../../../src/features/lock/Gate'
import { getAccessState, lock, reloadAccount, resetAccessForTests, signIn, wipeAndSignOut } from '../../../src/security/access'
import { setLockTimes } from '../../../src/security/vault'
import { closeStore, createCase, userDbName } from '../../../src/store'
import { listAccounts, useRegistryDatabase } from '../../../src/store/deviceRegistry'
import { startRelay } from '../../../sync-server/relay'
import type { RelayHandle } from '../../../sync-server/relay'
import { giveElementsHeight } from '../shell/harness'

let relay: RelayHandle
const relayFetch: typeof fetch = (input, init) => fetch(`${relay.url}${String(input)}`, init)
const PASSWORD = 'demo2026!'

beforeAll(async () => {
  relay = await startRelay({ storage: 'memory', port: 0, host: '127.0.0.1', seedDemo: true, log: () => undefined })
  giveElementsHeight()
})
afterAll(async () => {
  await relay.close()
})
beforeEach(() => {
  resetAccessForTests()
  useRegistryDatabase(`registry-${crypto.randomUUID()}`)
})
afterEach(async () => {
  cleanup()
  vi.useRealTimers()
  closeStore()
  for (const a of await listAccounts()) await Dexie.delete(a.dbName)
})

function renderApp() {
  return render(
    <Gate>
      <App sync={false} />
    </Gate>,
  )
}

const unlockedUser = () => {
  const s = getAccessState()
  return s.status === 'unlocked' ? s.account.username : null
}

describe('the lock in front of the app', () => {
  it('signs in once online, then locks and unlocks with the password; a wrong one opens nothing', async () => {
    renderApp()
    expect(await screen.findByRole('heading', { name: '도움 로그인' })).toBeInTheDocument()
    // A wrong password at the relay: a Korean error, no account on the device.
    await expect(signIn('dong.worker', 'wrong-password-1', relayFetch)).rejects.toMatchObject({ code: 'credentials' })
    expect(await listAccounts()).toEqual([])
    await act(() => signIn('dong.worker', PASSWORD, relayFetch))
    expect(await screen.findByTestId('network-state')).toBeInTheDocument()
    expect(unlockedUser()).toBe('dong.worker')

    fireEvent.click(screen.getByTestId('lock-now'))
    expect(await screen.findByRole('heading', { name: '잠금 해제' })).toBeInTheDocument()
    expect(screen.queryByTestId('network-state')).toBeNull()
    expect(screen.getByTestId('unlock-user')).toHaveTextContent('dong.worker')

    fireEvent.change(screen.getByLabelText('비밀번호'), { target: { value: 'demo2026?' } })
    fireEvent.click(screen.getByRole('button', { name: '잠금 해제' }))
    expect(await screen.findByText('아이디 또는 비밀번호가 올바르지 않습니다.')).toBeInTheDocument()
    expect(unlockedUser()).toBeNull()

    fireEvent.change(screen.getByLabelText('비밀번호'), { target: { value: PASSWORD } })
    fireEvent.click(screen.getByRole('button', { name: '잠금 해제' }))
    expect(await screen.findByTestId('network-state', {}, { timeout: 5000 })).toBeInTheDocument()
  })

  it('keeps two users of one tablet apart: the second sees none of the first one’s cases', async () => {
    renderApp()
    await act(() => signIn('dong.worker', PASSWORD, relayFetch))
    await createCase({
      household: { targetType: 'basic', address: '서울특별시 서대문구 신촌로 1' },
      members: [{ name: '가나다', isHead: true }],
      intake: { date: '2026-11-01', source: 'dongCenter', presentingProblem: '' },
      level: 'general',
    })
    expect(await screen.findByText('가나다')).toBeInTheDocument()
    await act(() => lock())

    fireEvent.click(await screen.findByRole('button', { name: '다른 사용자로 로그인' }))
    await act(() => signIn('dong.supervisor', PASSWORD, relayFetch))
    expect(unlockedUser()).toBe('dong.supervisor')
    expect(await screen.findByText('아직 사례가 없습니다')).toBeInTheDocument()
    expect(screen.queryByText('가나다')).toBeNull()
    expect((await listAccounts()).map((a) => a.username).sort()).toEqual(['dong.supervisor', 'dong.worker'])
    await act(() => lock())
    // Both users are offered on the unlock screen; the first one's cases are back after their unlock.
    fireEvent.click(await screen.findByRole('radio', { name: /dong\.worker/ }))
    fireEvent.change(screen.getByLabelText('비밀번호'), { target: { value: PASSWORD } })
    fireEvent.click(screen.getByRole('button', { name: '잠금 해제' }))
    expect(await screen.findByText('가나다', {}, { timeout: 5000 })).toBeInTheDocument()
  })

  it('asks twice before a logout that would discard pending edits, then erases the user’s database', async () => {
    renderApp()
    await act(() => signIn('dong.worker', PASSWORD, relayFetch))
    const account = (getAccessState() as { status: 'unlocked'; account: { userId: string } }).account
    await createCase({
      household: { targetType: 'basic', address: '서울특별시 서대문구 신촌로 2' },
      members: [{ name: '라마바', isHead: true }],
      intake: { date: '2026-11-01', source: 'dongCenter', presentingProblem: '' },
      level: 'general',
    })
    window.location.hash = '#/settings'
    fireEvent.click(await screen.findByRole('button', { name: '로그아웃' }))
    expect(await screen.findByText('아직 서버에 보내지 못한 사례 1건이 있습니다.')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '계속' }))
    expect(await screen.findByText('보내지 못한 변경은 영구히 사라집니다. 되돌릴 수 없습니다.')).toBeInTheDocument()
    expect(unlockedUser()).toBe('dong.worker') // nothing erased yet
    fireEvent.click(screen.getByRole('button', { name: '보내지 못한 1건을 버리고 로그아웃' }))
    expect(await screen.findByTestId('lock-notice')).toHaveTextContent('로그아웃하고 이 기기에서 자료를 지웠습니다.')
    expect(await listAccounts()).toEqual([])
    expect(await Dexie.exists(userDbName(account.userId))).toBe(false)
    window.location.hash = '#/'
  })

  it('logs out after one confirmation when nothing is pending', async () => {
    renderApp()
    await act(() => signIn('dong.worker', PASSWORD, relayFetch))
    window.location.hash = '#/settings'
    fireEvent.click(await screen.findByRole('button', { name: '로그아웃' }))
    fireEvent.click(await screen.findByRole('button', { name: '로그아웃하고 이 기기의 자료 지우기' }))
    expect(await screen.findByRole('heading', { name: '도움 로그인' })).toBeInTheDocument()
    window.location.hash = '#/'
  })

  it('locks by itself after the idle minutes, keeping the account on the device', async () => {
    renderApp()
    await act(() => signIn('dong.worker', PASSWORD, relayFetch))
    const { userId } = (getAccessState() as { status: 'unlocked'; account: { userId: string } }).account
    await setLockTimes(userId, { idleMinutes: 1 })
    // Installed before the new idle time re-arms the check, so its interval is a fake one.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    await act(() => reloadAccount())
    act(() => vi.advanceTimersByTime(59_000))
    expect(unlockedUser()).toBe('dong.worker')
    act(() => vi.advanceTimersByTime(16_000))
    vi.useRealTimers()
    await waitFor(() => expect(screen.getByTestId('lock-notice')).toHaveTextContent('한동안 사용하지 않아 잠겼습니다'))
    expect((await listAccounts()).map((a) => a.username)).toEqual(['dong.worker'])
    await act(() => wipeAndSignOut('loggedOut', relayFetch)) // no-op while locked
    expect(await listAccounts()).toHaveLength(1)
  })

  it('offers a PIN once; a PIN set in settings unlocks next time, and a wrong one says how many tries are left', async () => {
    renderApp()
    await act(() => signIn('dong.worker', PASSWORD, relayFetch))
    expect(await screen.findByTestId('pin-offer')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '나중에' }))
    await waitFor(() => expect(screen.queryByTestId('pin-offer')).toBeNull())

    window.location.hash = '#/settings'
    fireEvent.change(await screen.findByLabelText('새 PIN (숫자 6자리 이상)'), { target: { value: '123456' } })
    fireEvent.change(screen.getByLabelText('PIN 확인'), { target: { value: '123456' } })
    fireEvent.click(screen.getByRole('button', { name: 'PIN 저장' }))
    expect(await screen.findByText('연속된 숫자(123456 등)는 쓸 수 없습니다.')).toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('새 PIN (숫자 6자리 이상)'), { target: { value: '270415' } })
    fireEvent.change(screen.getByLabelText('PIN 확인'), { target: { value: '270415' } })
    fireEvent.click(screen.getByRole('button', { name: 'PIN 저장' }))
    await waitFor(() => expect(screen.getByTestId('pin-state')).toHaveTextContent('PIN이 설정되어 있습니다'), { timeout: 5000 })
    window.location.hash = '#/'

    await act(() => lock())
    fireEvent.change(await screen.findByLabelText('PIN'), { target: { value: '999999' } })
    fireEvent.click(screen.getByRole('button', { name: '잠금 해제' }))
    expect(await screen.findByText('PIN이 맞지 않습니다. 4번 더 틀리면 비밀번호로만 열 수 있습니다.', {}, { timeout: 5000 })).toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('PIN'), { target: { value: '270415' } })
    fireEvent.click(screen.getByRole('button', { name: '잠금 해제' }))
    expect(await screen.findByTestId('network-state', {}, { timeout: 5000 })).toBeInTheDocument()
    expect(screen.queryByTestId('pin-offer')).toBeNull()
  })
})
