// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { CaseFileScreen } from '../../../src/features/caseFile/CaseFileScreen'
import { getCaseFile, setText } from '../../../src/store'
import { freshStore, makeCase, openTab, renderKo } from './fixtures'

beforeEach(freshStore)
afterEach(cleanup)

describe('intake presenting problem', () => {
  it('keeps a change from another device that lands mid-composition, and stores both', async () => {
    const caseId = await makeCase('월세 체납')
    renderKo(<CaseFileScreen caseId={caseId} />)
    const problem = await screen.findByLabelText<HTMLTextAreaElement>('주요 문제(주호소)')
    expect(problem.value).toBe('월세 체납')
    fireEvent.compositionStart(problem)
    fireEvent.input(problem, { target: { value: '월세 체납 ㄷ' } })
    fireEvent.input(problem, { target: { value: '월세 체납 다' } })
    // Another device (or tab) edits the same Y.Text meanwhile.
    await setText(caseId, ['intake', 'presentingProblem'], '[동] 월세 체납')
    await new Promise((r) => setTimeout(r, 50))
    expect(problem.value).toBe('월세 체납 다')
    fireEvent.input(problem, { target: { value: '월세 체납 단' } })
    fireEvent.compositionEnd(problem, { data: '단' })
    expect(problem.value).toBe('[동] 월세 체납 단')
    await waitFor(async () => expect((await getCaseFile(caseId))?.intake.presentingProblem).toBe('[동] 월세 체납 단'))
  })
})

describe('closure form', () => {
  it('asks for a reason first, then closes the case with a grouped reason', async () => {
    const caseId = await makeCase('월세 체납')
    renderKo(<CaseFileScreen caseId={caseId} />)
    await openTab('방문·점검')
    const section = (await screen.findByRole('heading', { name: '종결', level: 2 })).closest('section') as HTMLElement
    fireEvent.click(within(section).getByRole('button', { name: '종결 처리' }))
    fireEvent.click(within(section).getByRole('button', { name: '종결' }))
    expect(await within(section).findByText('종결 사유를 선택하세요.')).toBeInTheDocument()
    expect((await getCaseFile(caseId))?.closure).toBeUndefined()

    const reason = within(section).getByLabelText(/^종결 사유/)
    expect(within(reason).getByRole('group', { name: '여건 종결' })).toBeInTheDocument()
    fireEvent.change(reason, { target: { value: 'refusal' } })
    fireEvent.click(within(section).getByRole('button', { name: '종결' }))
    await waitFor(async () => expect((await getCaseFile(caseId))?.meta.stage).toBe('closed'))
    expect((await getCaseFile(caseId))?.closure?.reason).toBe('refusal')
    // The form closes once the command has finished (nothing left to update after the test).
    await waitFor(() => expect(within(section).queryByRole('button', { name: '종결' })).toBeNull())
  })
})
