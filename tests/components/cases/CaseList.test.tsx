// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { CaseListScreen } from '../../../src/features/cases/CaseListScreen'
import { addDays, todayInSeoul } from '../../../src/domain'
import { changeStage, setText } from '../../../src/store'
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

describe('CaseListScreen', () => {
  it('shows the empty state with a button to register a household', async () => {
    renderUi(<CaseListScreen />)
    expect(await screen.findByText('아직 사례가 없습니다')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '가구 등록' })).toHaveAttribute('href', '#/new')
  })

  it('lists cases in Korean order with counts, and searches by name and by 초성', async () => {
    await makeCase('최수빈')
    await makeCase('김민수')
    await makeCase('이영희')
    renderUi(<CaseListScreen />)
    await waitFor(() => expect(rowNames()).toHaveLength(3))
    expect(rowNames()).toEqual(['김민수', '이영희', '최수빈'])
    expect(screen.getByTestId('case-count')).toHaveTextContent('3건 / 전체 3건')

    search('민수')
    await waitFor(() => expect(rowNames()).toEqual(['김민수']))
    expect(screen.getByTestId('case-count')).toHaveTextContent('1건 / 전체 3건')

    search('ㅇㅇㅎ')
    await waitFor(() => expect(rowNames()).toEqual(['이영희']))

    search('박')
    expect(await screen.findByText('조건에 맞는 사례가 없습니다')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '조건 지우기' }))
    await waitFor(() => expect(rowNames()).toHaveLength(3))
  })

  it('filters by stage and by what is due', async () => {
    const today = todayInSeoul()
    const late = await makeCase('정하늘', {
      intake: { date: addDays(today, -40), source: 'self', presentingProblem: '' },
    })
    const moved = await makeCase('한지민', { intake: { date: today, source: 'self', presentingProblem: '' } })
    await makeCase('오세훈', { intake: { date: today, source: 'self', presentingProblem: '' } })
    await setText(moved, ['intake', 'presentingProblem'], '체납')
    await changeStage(moved, 'assessment')
    renderUi(<CaseListScreen />)
    await waitFor(() => expect(rowNames()).toHaveLength(3))

    fireEvent.click(screen.getByRole('button', { name: '욕구조사' }))
    await waitFor(() => expect(rowNames()).toEqual(['한지민']))
    expect(screen.getByRole('button', { name: '욕구조사' })).toHaveAttribute('aria-pressed', 'true')
    fireEvent.click(screen.getByRole('button', { name: '전체' }))
    await waitFor(() => expect(rowNames()).toHaveLength(3))

    fireEvent.click(screen.getByRole('button', { name: '욕구조사 지연' }))
    await waitFor(() => expect(rowNames()).toEqual(['정하늘']))
    const row = screen.getByTestId('case-row')
    expect(row).toHaveAttribute('href', `#/case/${late}`)
    expect(row).toHaveTextContent('욕구조사 지연')
  })
})
