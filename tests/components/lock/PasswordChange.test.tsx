// @vitest-environment jsdom
// Against a real relay (memory storage): an account an administrator created must change its password
// before the app opens; 설정 › 비밀번호 변경 changes it on the relay and re-wraps the device key.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { App } from '../../../src/App'
import { Gate } from '../../../src/features/lock/Gate'
import { PasswordSection } from '../../../src/features/settings/PasswordSection'
import { getAccessState, lock, resetAccessForTests, signIn, unlockByPassword } from '../../../src/security/access'
import { closeStore } from '../../../src/store'
import { listAccounts, useRegistryDatabase } from '../../../src/store/deviceRegistry'
import { hashPassword } from '../../../sync-server/auth'
import { startRelay } from '../../../sync-server/relay'
import type { RelayHandle } from '../../../sync-server/relay'
import { giveElementsHeight, renderUi } from '../shell/harness'

let relay: RelayHandle
const realFetch = globalThis.fetch
const relayFetch: typeof fetch = (input, init) => realFetch(`${relay.url}${String(input)}`, init)

beforeAll(async () => {
  relay = await startRelay({ storage: 'memory', port: 0, host: '127.0.0.1', seedDemo: true, log: () => undefined })
  relay.storage.createUser({
    id: crypto.randomUUID(), username: 'new.worker', role: 'worker', team: 'dong-sinchon',
    passwordHash: await hashPassword('Temp-pass-2026'), createdAt: Date.now(), mustChangePassword: true,
  })
  giveElementsHeight()
})
afterAll(() => relay.close())
beforeEach(() => {
  resetAccessForTests()
  useRegistryDatabase(`registry-${crypto.randomUUID()}`)
  vi.stubGlobal('fetch', relayFetch)
})
afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  closeStore()
  for (const a of await listAccounts()) await Dexie.delete(a.dbName)
})

const unlockedUser = () => {
  const s = getAccessState()
  return s.status === 'unlocked' ? s.account.username : null
}

function fillNew(next: string, confirm = next) {
  fireEvent.change(screen.getByLabelText('새 비밀번호'), { target: { value: next } })
  fireEvent.change(screen.getByLabelText('새 비밀번호 확인'), { target: { value: confirm } })
}

describe('password changes', () => {
  it('asks an admin-created account for a new password before the app opens', { timeout: 30_000 }, async () => {
    render(<Gate><App sync={false} /></Gate>)
    fireEvent.change(await screen.findByLabelText('아이디'), { target: { value: 'new.worker' } })
    fireEvent.change(screen.getByLabelText('비밀번호'), { target: { value: 'Temp-pass-2026' } })
    fireEvent.click(screen.getByRole('button', { name: '로그인' }))
    expect(await screen.findByRole('heading', { name: '비밀번호를 바꿔 주세요' }, { timeout: 10_000 })).toBeInTheDocument()
    expect(unlockedUser()).toBeNull()
    expect(await listAccounts()).toEqual([])

    fillNew('Another-pass-1', 'Another-pass-2')
    fireEvent.click(screen.getByRole('button', { name: '비밀번호 바꾸고 로그인' }))
    expect(await screen.findByText('새 비밀번호와 확인이 다릅니다.')).toBeInTheDocument()
    fillNew('qwer1234!')
    fireEvent.click(screen.getByRole('button', { name: '비밀번호 바꾸고 로그인' }))
    expect(await screen.findByText('너무 흔하거나 키보드 배열을 따라 친 비밀번호라 쓸 수 없습니다.', {}, { timeout: 10_000 })).toBeInTheDocument()

    fillNew('Fresh-start-2026')
    fireEvent.click(screen.getByRole('button', { name: '비밀번호 바꾸고 로그인' }))
    expect(await screen.findByTestId('network-state', {}, { timeout: 15_000 })).toBeInTheDocument()
    expect(unlockedUser()).toBe('new.worker')
    expect(relay.storage.userByName('new.worker')!.mustChangePassword).toBe(false)
  })

  it('settings: changes the password on the relay and the device then unlocks with the new one', { timeout: 30_000 }, async () => {
    await act(() => signIn('hope.worker', 'demo2026!'))
    const s = getAccessState()
    if (s.status !== 'unlocked') throw new Error('not unlocked')
    renderUi(<PasswordSection account={s.account} />)
    fireEvent.change(screen.getByLabelText('지금 비밀번호'), { target: { value: 'wrong-current-1' } })
    fillNew('Hope-worker-2026')
    fireEvent.click(screen.getByRole('button', { name: '비밀번호 변경' }))
    expect(await screen.findByText('지금 비밀번호가 맞지 않습니다.', {}, { timeout: 10_000 })).toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('지금 비밀번호'), { target: { value: 'demo2026!' } })
    fireEvent.click(screen.getByRole('button', { name: '비밀번호 변경' }))
    await waitFor(() => expect(screen.getByLabelText('지금 비밀번호')).toHaveValue(''), { timeout: 10_000 })

    await act(() => lock())
    const account = (await listAccounts()).find((a) => a.username === 'hope.worker')!
    await expect(unlockByPassword(account, 'demo2026!')).rejects.toMatchObject({ code: 'credentials' })
    await act(() => unlockByPassword(account, 'Hope-worker-2026'))
    expect(unlockedUser()).toBe('hope.worker')
  })
})
