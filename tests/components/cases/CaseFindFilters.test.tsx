// @vitest-environment jsdom
// Finding a case the way a worker does: by address, phone or 행복e음 관리번호, filtered by 대상 유형
// and level, ordered by last contact. Real store (fake-indexeddb), real list screen.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { CaseListScreen } from '../../../src/features/cases/CaseListScreen'
import { freshStore, giveElementsHeight, makeCase, renderUi } from '../shell/harness'

beforeEach(() => {
  freshStore()
  giveElementsHeight()
})
afterEach(cleanup)

const rowNames = () => screen.queryAllByTestId('case-row').map((r) => r.querySelector('.case-row__name')?.textContent)

function search(text: string) {
  const box = screen.getByLabelText('이름·주소·전화번호·행복e음 관리번호 검색')
  fireEvent.input(box, { target: { value: text } })
  fireEvent.blur(box)
}

async function threeHouseholds(): Promise<void> {
  await makeCase('최수빈', {
    household: { targetType: 'nearPoor', address: '서울특별시 마포구 월드컵로 5', phone: '010-2222-3333', householdNo: 'H-778899' },
    intake: { date: '2026-10-01', source: 'dongCenter', presentingProblem: '' },
  })
  await makeCase('김민수', { level: 'intensive', intake: { date: '2026-11-05', source: 'dongCenter', presentingProblem: '' } })
  await makeCase('이영희')
}

describe('finding a case', () => {
  it('searches the address, phone digits and 행복e음 관리번호', async () => {
    await threeHouseholds()
    renderUi(<CaseListScreen />)
    await waitFor(() => expect(rowNames()).toHaveLength(3))
    search('월드컵로')
    await waitFor(() => expect(rowNames()).toEqual(['최수빈']))
    search('2222-3333')
    await waitFor(() => expect(rowNames()).toEqual(['최수빈']))
    search('778899')
    await waitFor(() => expect(rowNames()).toEqual(['최수빈']))
    search('신촌로')
    await waitFor(() => expect(rowNames()).toEqual(['김민수', '이영희']))
  })

  it('filters by 대상 유형 and level, and orders by the longest without contact', async () => {
    await threeHouseholds()
    renderUi(<CaseListScreen />)
    search('') // the list remembers the last search while the app runs
    await waitFor(() => expect(rowNames()).toHaveLength(3))
    fireEvent.change(screen.getByLabelText('대상 유형'), { target: { value: 'nearPoor' } })
    await waitFor(() => expect(rowNames()).toEqual(['최수빈']))
    fireEvent.change(screen.getByLabelText('대상 유형'), { target: { value: '' } })
    fireEvent.change(screen.getByLabelText('사례 수준'), { target: { value: 'intensive' } })
    await waitFor(() => expect(rowNames()).toEqual(['김민수']))
    fireEvent.change(screen.getByLabelText('사례 수준'), { target: { value: '' } })
    fireEvent.change(screen.getByLabelText('정렬'), { target: { value: 'lastContact' } })
    // Intake counts as contact: 2026-10-01, then 2026-11-01, then 2026-11-05.
    await waitFor(() => expect(rowNames()).toEqual(['최수빈', '이영희', '김민수']))
  })
})
