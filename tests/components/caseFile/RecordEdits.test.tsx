// @vitest-environment jsdom
// Issue 9: records of a case file are edited in place and deleted (asks once, undo from the toast).
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { CaseFileScreen } from '../../../src/features/caseFile/CaseFileScreen'
import { ToastProvider } from '../../../src/features/common'
import { addConference, addLinkage, addMonitoringNote, createVisit, getCaseFile } from '../../../src/store'
import { freshStore, makeCase, openTab, renderKo } from './fixtures'

beforeEach(freshStore)
afterEach(cleanup)

const show = (caseId: string) =>
  renderKo(
    <ToastProvider>
      <CaseFileScreen caseId={caseId} />
    </ToastProvider>,
  )

async function section(name: string, tab: string): Promise<HTMLElement> {
  await openTab(tab)
  return (await screen.findByRole('heading', { name, level: 2 })).closest('section') as HTMLElement
}

describe('conferences', () => {
  it('edits a conference in place', async () => {
    const caseId = await makeCase()
    await addConference(caseId, { kind: 'internal', date: '2026-11-03', decision: 'continue', notes: '첫 회의' })
    show(caseId)
    const conferences = await section('사례회의', '욕구조사')
    const row = await within(conferences).findByRole('group', { name: '2026.11.03 사례회의' })
    fireEvent.click(within(row).getByRole('button', { name: '수정' }))
    const form = within(conferences).getByRole('form', { name: '사례회의 수정' })
    const notes = within(form).getByLabelText<HTMLTextAreaElement>('회의 내용')
    expect(notes.value).toBe('첫 회의')
    fireEvent.input(notes, { target: { value: '첫 회의 — 사례관리 선정' } })
    fireEvent.click(within(form).getByLabelText('사례관리 선정'))
    fireEvent.input(within(form).getByLabelText('참석자'), { target: { value: '김복지, 이담당' } })
    fireEvent.click(within(form).getByRole('button', { name: '저장' }))
    await waitFor(async () =>
      expect((await getCaseFile(caseId))?.conferences).toMatchObject([
        { date: '2026-11-03', decision: 'select', notes: '첫 회의 — 사례관리 선정', attendees: ['김복지', '이담당'] },
      ]),
    )
    expect(await within(conferences).findByText('첫 회의 — 사례관리 선정')).toBeInTheDocument()
  })

  it('deletes after asking once, and 되돌리기 brings it back', async () => {
    const caseId = await makeCase()
    const keep = await addConference(caseId, { kind: 'internal', date: '2026-11-01', decision: 'continue' })
    await addConference(caseId, { kind: 'council', date: '2026-11-03', decision: 'select', notes: '회의록' })
    const before = (await getCaseFile(caseId))?.conferences
    show(caseId)
    const conferences = await section('사례회의', '욕구조사')
    const row = await within(conferences).findByRole('group', { name: '2026.11.03 사례회의' })
    fireEvent.click(within(row).getByRole('button', { name: '삭제' }))
    expect((await getCaseFile(caseId))?.conferences).toHaveLength(2)
    fireEvent.click(within(row).getByRole('button', { name: '삭제할까요? 한 번 더 누르세요' }))
    await waitFor(async () => expect((await getCaseFile(caseId))?.conferences.map((c) => c.id)).toEqual([keep]))
    await waitFor(() => expect(within(conferences).queryByText('회의록')).toBeNull())

    const undo = await screen.findByRole('button', { name: '되돌리기' })
    expect(undo.closest('[role="status"]')).toHaveTextContent('삭제했습니다')
    expect(undo).toHaveFocus()
    fireEvent.click(undo)
    await waitFor(async () => expect((await getCaseFile(caseId))?.conferences).toEqual(before))
    expect(await within(conferences).findByText('회의록')).toBeInTheDocument()
  })
})

describe('monitoring notes', () => {
  it('asks for the contact outcome (no default) and edits a note', async () => {
    const caseId = await makeCase()
    await addMonitoringNote(caseId, { date: '2026-11-20', contact: 'noAnswer', text: '부재' })
    show(caseId)
    const monitoring = await section('점검(모니터링)', '방문·점검')
    fireEvent.click(within(monitoring).getByRole('button', { name: '점검 기록' }))
    const form = within(monitoring).getByRole('form', { name: '점검 기록' })
    fireEvent.input(within(form).getByLabelText('메모'), { target: { value: '전화함' } })
    fireEvent.click(within(form).getByRole('button', { name: '저장' }))
    expect(await within(form).findByText('접촉 결과(만남·연락됨·부재)를 선택하세요.')).toBeInTheDocument()
    expect((await getCaseFile(caseId))?.monitoring).toHaveLength(1)
    fireEvent.click(within(form).getByRole('button', { name: '취소' }))

    const row = within(monitoring).getByRole('group', { name: '2026.11.20 점검 기록' })
    fireEvent.click(within(row).getByRole('button', { name: '수정' }))
    const edit = within(monitoring).getByRole('form', { name: '점검 기록 수정' })
    expect(within(edit).getByLabelText('부재·연락 안 됨')).toBeChecked()
    fireEvent.click(within(edit).getByLabelText('만남'))
    fireEvent.input(within(edit).getByLabelText('메모'), { target: { value: '재방문, 만남' } })
    fireEvent.click(within(edit).getByRole('button', { name: '저장' }))
    await waitFor(async () => expect((await getCaseFile(caseId))?.monitoring).toMatchObject([{ contact: 'met', text: '재방문, 만남' }]))
  })
})

describe('linkages and visits', () => {
  it('edits every field of a linkage, not only its status', async () => {
    const caseId = await makeCase()
    const [head, child] = (await getCaseFile(caseId))!.members
    await addLinkage(caseId, { domain: 'health', service: '방문건강관리', provider: '보건소', memberIds: [head!.id] })
    show(caseId)
    const linkages = await section('서비스 연계', '계획·연계')
    fireEvent.click(within(await within(linkages).findByRole('group', { name: '방문건강관리' })).getByRole('button', { name: '수정' }))
    const form = within(linkages).getByRole('form', { name: '서비스 연계 수정' })
    fireEvent.input(within(form).getByLabelText(/^서비스명/), { target: { value: '방문건강관리(주 1회)' } })
    fireEvent.click(within(form).getByLabelText(child!.name))
    fireEvent.input(within(form).getByLabelText('메모'), { target: { value: '보건소 간호사 배정' } })
    fireEvent.click(within(form).getByRole('button', { name: '저장' }))
    await waitFor(async () =>
      expect((await getCaseFile(caseId))?.linkages).toMatchObject([
        { service: '방문건강관리(주 1회)', memberIds: [head!.id, child!.id], note: '보건소 간호사 배정', provider: '보건소' },
      ]),
    )
  })

  it('deletes a visit from the list after asking once', async () => {
    const caseId = await makeCase()
    await createVisit(caseId, { contact: 'met', visitedAt: '2026-11-05T01:00:00.000Z', observations: '보일러 고장' })
    show(caseId)
    const visits = await section('방문상담', '방문·점검')
    const row = await within(visits).findByRole('group', { name: /방문 기록$/ })
    expect(within(row).getByRole('link', { name: '수정' })).toHaveAttribute('href', expect.stringContaining('/visit/'))
    fireEvent.click(within(row).getByRole('button', { name: '삭제' }))
    fireEvent.click(within(row).getByRole('button', { name: '삭제할까요? 한 번 더 누르세요' }))
    await waitFor(async () => expect((await getCaseFile(caseId))?.visits).toEqual([]))
    expect(await within(visits).findByText('방문 기록이 없습니다.')).toBeInTheDocument()
  })
})
