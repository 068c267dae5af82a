// @vitest-environment jsdom
// A change the relay refused for its content was undone on the device: the banner shows what was undone
// and why, copies it, and goes once dismissed.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { RejectedBanner } from '../../../src/features/shell/RejectedBanner'
import { createDexieSyncStore, setText, whenAllWritten } from '../../../src/store'
import { freshStore, makeCase, renderUi } from './harness'

const REASON = '형식이 올바르지 않은 내용이 있어 저장하지 않았습니다.'

beforeEach(freshStore)
afterEach(() => {
  cleanup()
  Reflect.deleteProperty(window.navigator, 'clipboard')
})

async function refuseAnEdit(): Promise<void> {
  const id = await makeCase('나누리')
  const sync = createDexieSyncStore()
  await whenAllWritten()
  await sync.markAcked((await sync.pendingUpdates(100)).map((p) => p.localId))
  await setText(id, ['intake', 'presentingProblem'], '월세 석 달 체납, 집주인 연락처 메모')
  await whenAllWritten()
  await sync.markRejected((await sync.pendingUpdates(100)).map((p) => p.localId), 'bad-update', REASON)
}

it('shows the undone text and the reason, copies it, and goes when dismissed', async () => {
  const writeText = vi.fn(async () => undefined)
  Object.defineProperty(window.navigator, 'clipboard', { configurable: true, value: { writeText } })
  await refuseAnEdit()
  renderUi(<RejectedBanner />)
  const banner = await screen.findByTestId('rejected-banner')
  expect(banner).toHaveAttribute('role', 'alert')
  expect(banner).toHaveTextContent('되돌린 변경 1건')
  expect(banner).toHaveTextContent(`사유: ${REASON}`)
  expect(banner).toHaveTextContent('나누리')

  fireEvent.click(screen.getByRole('button', { name: '되돌린 내용 보기' }))
  const text = (screen.getByRole('textbox', { name: '나누리 사례에서 되돌린 내용' }) as HTMLTextAreaElement).value
  expect(text).toContain('월세 석 달 체납, 집주인 연락처 메모')
  fireEvent.click(screen.getByRole('button', { name: '내용 복사' }))
  await screen.findByRole('button', { name: '복사했습니다' })
  expect(writeText).toHaveBeenCalledWith(text)

  fireEvent.click(screen.getByRole('button', { name: '확인했습니다 · 지우기' }))
  await waitFor(() => expect(screen.queryByTestId('rejected-banner')).toBeNull())
})

it('selects the text for a long press when the clipboard is not there', async () => {
  await refuseAnEdit()
  renderUi(<RejectedBanner />, 'en')
  fireEvent.click(await screen.findByRole('button', { name: 'Show undone text' }))
  fireEvent.click(screen.getByRole('button', { name: 'Copy text' }))
  await screen.findByText(/Could not copy/)
  const area = screen.getByRole('textbox', { name: 'Text undone in the 나누리 case' }) as HTMLTextAreaElement
  expect(document.activeElement).toBe(area)
  expect(area.selectionEnd - area.selectionStart).toBe(area.value.length)
})
