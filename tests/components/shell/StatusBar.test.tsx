// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { act, cleanup, screen, waitFor } from '@testing-library/react'
import { StatusBar } from '../../../src/features/shell/StatusBar'
import { SyncContext } from '../../../src/features/shell/syncContext'
import { SyncBanners } from '../../../src/features/shell/Banners'
import { createStatusStore } from '../../../src/sync/status'
import { freshStore, makeCase, renderUi, setOnline } from './harness'

beforeEach(() => {
  freshStore()
  setOnline(true)
})
afterEach(cleanup)

function renderBar(status = createStatusStore()) {
  renderUi(
    <SyncContext.Provider value={{ status, syncNow: () => undefined }}>
      <StatusBar />
      <SyncBanners />
    </SyncContext.Provider>,
  )
  return status
}

describe('StatusBar', () => {
  it('says in one phrase whether the device, the server or nothing is the problem', async () => {
    const status = renderBar()
    act(() => status.set({ state: 'upToDate', done: 0, total: 0, rejected: 0, lastSyncAt: '2026-11-21T05:05:00Z' }))
    expect(screen.getByTestId('network-state')).toHaveTextContent('최신 상태')
    expect(screen.getByTestId('sync-state')).toHaveTextContent('2026.11.21 14:05')
    act(() => setOnline(false))
    expect(screen.getByTestId('network-state')).toHaveTextContent(/^오프라인 · 이 기기에 저장됨$/)
    expect(screen.getByTestId('sync-state')).toHaveAttribute('data-state', 'offline')
    // The network is back but the relay does not answer: no "온라인" beside "오프라인".
    act(() => setOnline(true))
    act(() => status.set({ state: 'offline', done: 0, total: 0, rejected: 0 }))
    expect(screen.getByTestId('network-state')).toHaveTextContent(/^서버에 연결할 수 없음 · 이 기기에 저장됨$/)
    expect(screen.getByTestId('network-state')).toHaveAttribute('data-online', 'true')
    act(() => status.set({ state: 'upToDate', done: 0, total: 0, rejected: 0, lastSyncAt: '2026-11-21T05:05:00Z' }))
    expect(screen.getByTestId('network-state')).not.toHaveTextContent('오프라인')
  })

  it('counts case files with unsynced changes from the real store', async () => {
    renderBar()
    await waitFor(() => expect(screen.getByTestId('unsynced-count').textContent).toBe('0'))
    await makeCase('김민수')
    await waitFor(() => expect(screen.getByTestId('unsynced-count').textContent).toBe('1'))
    await makeCase('이영희')
    await waitFor(() => expect(screen.getByTestId('unsynced-count').textContent).toBe('2'))
  })

  it('shows sync progress n/m with a progress bar, and the login banner', async () => {
    const status = renderBar()
    act(() => status.set({ state: 'syncing', done: 3, total: 10, rejected: 0 }))
    expect(screen.getByTestId('sync-state')).toHaveTextContent('동기화 중 3/10')
    const bar = screen.getByRole('progressbar')
    expect(bar).toHaveAttribute('max', '10')
    expect(bar).toHaveAttribute('value', '3')
    act(() => status.set({ state: 'syncing', done: 4, total: 10, rejected: 0, resyncing: true }))
    expect(screen.getByTestId('sync-state')).toHaveTextContent('서버 복구 후 자료 다시 맞추는 중 4/10')
    act(() => status.set({ state: 'connecting', done: 0, total: 0, rejected: 0 }))
    expect(screen.getByTestId('sync-state')).toHaveTextContent('서버에 연결 중')
    expect(screen.queryByRole('progressbar')).toBeNull()
    act(() => status.set({ state: 'loginRequired', done: 0, total: 0, rejected: 0 }))
    expect(screen.getByTestId('sync-state')).toHaveTextContent('로그인 필요')
    expect(screen.getByRole('link', { name: '로그인하기' })).toHaveAttribute('href', '#/settings')
    act(() => status.set({ state: 'updateRequired', done: 0, total: 0, rejected: 2 }))
    expect(screen.getByTestId('sync-state')).toHaveTextContent('업데이트 필요')
    expect(screen.getByTestId('sync-state')).toHaveTextContent('거부된 변경 2건')
  })
})
