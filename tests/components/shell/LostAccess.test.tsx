// @vitest-environment jsdom
// The banner for case files removed with unsent changes: their text can be read and copied, then dismissed.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { LostAccessBanner } from '../../../src/features/shell/LostAccessBanner'
import { createDexieSyncStore, whenAllWritten } from '../../../src/store'
import { freshStore, makeCase, renderUi } from './harness'

beforeEach(freshStore)
afterEach(cleanup)

it('shows the unsent text of a case file that left the device, until the worker dismisses it', async () => {
  const id = await makeCase('나누리', { intake: { date: '2026-11-01', source: 'dongCenter', presentingProblem: '월세 석 달 체납' } })
  await whenAllWritten()
  await createDexieSyncStore().removeDocs([`case/${id}`])
  renderUi(<LostAccessBanner />)
  expect(await screen.findByTestId('lost-access')).toHaveTextContent('지운 사례 1건')
  fireEvent.click(screen.getByRole('button', { name: '내용 보기' }))
  expect((screen.getByRole('textbox', { name: '나누리 가구의 기록' }) as HTMLTextAreaElement).value).toContain('월세 석 달 체납')
  fireEvent.click(screen.getByRole('button', { name: '확인했습니다 · 지우기' }))
  await waitFor(() => expect(screen.queryByTestId('lost-access')).toBeNull())
})
