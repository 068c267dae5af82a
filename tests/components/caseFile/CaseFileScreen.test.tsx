// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { CaseFileScreen } from '../../../src/features/caseFile/CaseFileScreen'
import { getCaseFile, setText } from '../../../src/store'
import { freshStore, makeCase, openTab, renderKo } from './fixtures'

beforeEach(freshStore)
afterEach(cleanup)

describe('CaseFileScreen', () => {
  it('shows the head of household with masked identifiers and a formatted phone', async () => {
    const caseId = await makeCase()
    renderKo(<CaseFileScreen caseId={caseId} />)
    expect(await screen.findByRole('heading', { level: 1, name: '김민수' })).toBeInTheDocument()
    const header = screen.getByRole('banner')
    expect(within(header).getByText('901231-1******')).toBeInTheDocument()
    expect(within(header).getByText('010-1234-5678')).toBeInTheDocument()
    expect(screen.queryByText(/9012311/)).toBeNull()
  })

  it('shows the Korean reason when a stage change is refused, and the stage stays', async () => {
    const caseId = await makeCase('')
    renderKo(<CaseFileScreen caseId={caseId} />)
    fireEvent.click(await screen.findByRole('button', { name: /다음 단계로/ }))
    expect(await screen.findByText('욕구조사로 넘어가려면 접수 시 주요 문제(주호소)를 먼저 입력하세요.')).toBeInTheDocument()
    expect((await getCaseFile(caseId))?.meta.stage).toBe('intake')
  })

  it('moves to the next stage when the rules allow it', async () => {
    const caseId = await makeCase('')
    await setText(caseId, ['intake', 'presentingProblem'], '월세 3개월 체납')
    renderKo(<CaseFileScreen caseId={caseId} />)
    fireEvent.click(await screen.findByRole('button', { name: /다음 단계로: 욕구조사/ }))
    await waitFor(async () => expect((await getCaseFile(caseId))?.meta.stage).toBe('assessment'))
    expect(await screen.findByRole('button', { name: /다음 단계로: 대상자 구분/ })).toBeInTheDocument()
  })
})

describe('selection form', () => {
  it('requires a reason for 사업대상제외가구 and writes nothing without one', async () => {
    const caseId = await makeCase()
    renderKo(<CaseFileScreen caseId={caseId} />)
    await openTab('욕구조사')
    const section = (await screen.findByRole('heading', { name: '대상자 구분', level: 2 })).closest('section') as HTMLElement
    fireEvent.click(within(section).getByRole('button', { name: '구분 결정' }))
    fireEvent.click(within(section).getByLabelText('사업대상제외가구'))
    fireEvent.click(within(section).getByRole('button', { name: '저장' }))
    const message = await within(section).findByText('사업대상제외가구는 제외 사유를 입력해야 합니다.')
    const reason = within(section).getByLabelText(/^사유/)
    expect(reason).toHaveAttribute('aria-invalid', 'true')
    expect(reason.getAttribute('aria-describedby')).toContain(message.id)
    expect((await getCaseFile(caseId))?.selection).toBeUndefined()

    fireEvent.change(reason, { target: { value: '타 기관 사례관리 중' } })
    fireEvent.click(within(section).getByRole('button', { name: '저장' }))
    await waitFor(async () => expect((await getCaseFile(caseId))?.selection).toMatchObject({ kind: 'excluded', reason: '타 기관 사례관리 중' }))
  })
})

describe('linkage form', () => {
  it('requires at least one member and links the service once one is chosen', async () => {
    const caseId = await makeCase()
    renderKo(<CaseFileScreen caseId={caseId} />)
    await openTab('계획·연계')
    const section = (await screen.findByRole('heading', { name: '서비스 연계', level: 2 })).closest('section') as HTMLElement
    fireEvent.click(within(section).getByRole('button', { name: '서비스 연계 추가' }))
    fireEvent.change(within(section).getByLabelText(/서비스명/), { target: { value: '방문건강관리' } })
    fireEvent.change(within(section).getByLabelText(/제공기관/), { target: { value: '보건소' } })
    fireEvent.click(within(section).getByRole('button', { name: '저장' }))
    expect(await within(section).findByText('연계 대상 가구원을 한 명 이상 선택하세요.')).toBeInTheDocument()
    expect((await getCaseFile(caseId))?.linkages).toHaveLength(0)

    fireEvent.click(within(section).getByLabelText('김하늘'))
    fireEvent.click(within(section).getByRole('button', { name: '저장' }))
    await waitFor(async () => expect((await getCaseFile(caseId))?.linkages).toHaveLength(1))
    const [linkage] = (await getCaseFile(caseId))?.linkages ?? []
    const child = (await getCaseFile(caseId))?.members.find((m) => m.name === '김하늘')
    expect(linkage?.memberIds).toEqual([child?.id])
    expect(linkage?.service).toBe('방문건강관리')
  })
})
