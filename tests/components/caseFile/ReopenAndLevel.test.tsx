// @vitest-environment jsdom
// The worker reopens a closed case and changes its level from the case file, each with a reason that
// the history then shows.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { CaseFileScreen } from '../../../src/features/caseFile/CaseFileScreen'
import { closeCase, getCaseFile, setSelection } from '../../../src/store'
import { freshStore, makeCase, openTab, renderKo } from './fixtures'

beforeEach(freshStore)
afterEach(cleanup)

function typeReason(form: HTMLElement, text: string) {
  const box = within(form).getByLabelText(/사유/)
  fireEvent.input(box, { target: { value: text } })
  fireEvent.blur(box)
}

describe('reopen and case level', () => {
  it('reopens a closed case with a reason; the history keeps the old closure', async () => {
    const caseId = await makeCase('월세 체납')
    await setSelection(caseId, { kind: 'linkage', decidedAt: '2026-11-05' })
    await closeCase(caseId, { date: '2026-11-20', reason: 'improved' })
    renderKo(<CaseFileScreen caseId={caseId} />)
    fireEvent.click(await screen.findByRole('button', { name: '사례 재개' }))
    const form = screen.getByRole('form', { name: '종결한 사례 재개' })
    fireEvent.click(within(form).getByRole('button', { name: '저장' }))
    expect(await within(form).findByText('사유를 입력하세요.')).toBeInTheDocument()
    typeReason(form, '다시 체납 발생')
    fireEvent.click(within(form).getByRole('button', { name: '저장' }))
    await waitFor(async () => expect((await getCaseFile(caseId))?.meta.stage).toBe('delivery'))
    await openTab('이력')
    expect(await screen.findByText(/이전 종결 2026\.11\.20/)).toBeVisible()
  })

  it('changes the case level with a reason', async () => {
    const caseId = await makeCase()
    renderKo(<CaseFileScreen caseId={caseId} />)
    fireEvent.click(await screen.findByRole('button', { name: '사례 수준 변경' }))
    const form = screen.getByRole('form', { name: '사례 수준 변경' })
    typeReason(form, '위기 신호 증가')
    fireEvent.click(within(form).getByRole('button', { name: '저장' }))
    await waitFor(async () => expect((await getCaseFile(caseId))?.meta.level).toBe('intensive'))
    await openTab('이력')
    expect(await screen.findByText(/위기 신호 증가/)).toBeVisible()
  })
})
