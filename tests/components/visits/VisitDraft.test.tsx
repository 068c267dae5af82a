// @vitest-environment jsdom
// Issue 9: "새 방문 기록" is a draft until the worker saves it or writes into it; an empty draft leaves
// no trace; the contact outcome has no default; half-written text survives a reload; a visit can be
// deleted (asks once) and the delete undone from the toast.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { VisitNoteScreen } from '../../../src/features/visits/VisitNoteScreen'
import { ToastProvider } from '../../../src/features/common'
import { createDexieSyncStore, createVisit, getCaseFile, whenAllWritten, whenDraftsSaved } from '../../../src/store'
import { loadDraft } from '../../../src/store/drafts'
import { freshStore, makeCase, renderKo } from '../caseFile/fixtures'

beforeEach(() => {
  freshStore()
  window.location.hash = ''
})
afterEach(cleanup)

const screenFor = (caseId: string, visitId: string | 'new' = 'new') => (
  <ToastProvider>
    <VisitNoteScreen caseId={caseId} visitId={visitId} />
  </ToastProvider>
)

/** Everything a new visit could leave behind: visits, history, rows to sync, the sealed draft. */
async function traces(caseId: string) {
  await whenAllWritten()
  await whenDraftsSaved()
  const cf = await getCaseFile(caseId)
  return {
    visits: cf?.visits.length,
    history: cf?.history.length,
    updatedAt: cf?.meta.updatedAt,
    pending: (await createDexieSyncStore().pendingUpdates(100)).length,
    draft: (await loadDraft(`visit.new:${caseId}`)) ?? null,
  }
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 50))
  })
}

describe('a new visit is a draft', () => {
  it('leaves no trace when opened and left empty (a stray tap), even after picking the visit kind', async () => {
    const caseId = await makeCase('고립 우려')
    const before = await traces(caseId)
    expect(before.draft).toBeNull()
    renderKo(screenFor(caseId))
    expect(await screen.findByText('새 기록 · 아직 저장 전')).toBeInTheDocument()
    // Nothing is checked: no silent 만남.
    for (const label of ['만남', '연락됨', '부재·연락 안 됨']) expect(screen.getByLabelText(label)).not.toBeChecked()
    fireEvent.click(screen.getByLabelText('기타 공동방문'))
    await settle()
    cleanup() // the worker goes back
    expect(await traces(caseId)).toEqual(before)
    expect(window.location.hash).toBe('')
  })

  it('asks for the contact outcome in Korean when saved without one, and saves nothing', async () => {
    const caseId = await makeCase('고립 우려')
    const before = await traces(caseId)
    renderKo(screenFor(caseId))
    fireEvent.click(await screen.findByRole('button', { name: '방문 기록 저장' }))
    const contact = screen.getByRole('group', { name: '접촉 결과' })
    expect(await within(contact).findByText('접촉 결과(만남·연락됨·부재)를 선택해야 저장할 수 있습니다.')).toBeInTheDocument()
    expect(contact).toHaveAttribute('aria-invalid', 'true')
    await settle()
    expect((await traces(caseId)).visits).toBe(before.visits)
    expect((await traces(caseId)).pending).toBe(before.pending)

    // Picked, 저장 records a visit with no text at all (a 부재 visit).
    fireEvent.click(within(contact).getByLabelText('부재·연락 안 됨'))
    expect(within(contact).queryByText(/선택해야 저장할 수 있습니다/)).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '방문 기록 저장' }))
    await waitFor(async () => expect((await getCaseFile(caseId))?.visits).toMatchObject([{ contact: 'noAnswer', observations: '' }]))
  })

  it('keeps half-written text across a reload without saving a visit, and saves it once the contact is picked', async () => {
    const caseId = await makeCase('고립 우려')
    const before = await traces(caseId)
    renderKo(screenFor(caseId))
    const observations = await screen.findByLabelText('관찰 내용')
    fireEvent.input(observations, { target: { value: '우편물이 쌓여 있음' } })
    fireEvent.blur(observations)
    expect(await screen.findByText(/접촉 결과를 고르면 방문 기록으로 저장됩니다/)).toBeInTheDocument()
    await settle()
    const during = await traces(caseId)
    expect({ ...during, draft: null }).toEqual(before) // no visit, no history, nothing to sync
    expect(during.draft).toMatchObject({ observations: '우편물이 쌓여 있음' })

    cleanup() // reload
    renderKo(screenFor(caseId))
    const again = await screen.findByLabelText<HTMLTextAreaElement>('관찰 내용')
    await waitFor(() => expect(again.value).toBe('우편물이 쌓여 있음'))
    fireEvent.click(screen.getByLabelText('만남'))
    await waitFor(async () => expect((await getCaseFile(caseId))?.visits).toMatchObject([{ contact: 'met', observations: '우편물이 쌓여 있음' }]))
    const visitId = (await getCaseFile(caseId))?.visits[0]?.id
    await waitFor(() => expect(window.location.hash).toBe(`#/case/${caseId}/visit/${visitId}`))
    expect(await screen.findByText('저장됨 · 기기에 보관')).toBeInTheDocument()
    expect((await traces(caseId)).draft).toBeNull()
  })

  it('saves as soon as the worker writes with the contact picked, and later typing edits that visit', async () => {
    const caseId = await makeCase('고립 우려')
    renderKo(screenFor(caseId))
    fireEvent.click(await screen.findByLabelText('연락됨'))
    await settle()
    expect((await getCaseFile(caseId))?.visits).toEqual([]) // a pick alone is not a visit yet
    const health = screen.getByLabelText('건강')
    fireEvent.input(health, { target: { value: '무릎 통증' } })
    await waitFor(async () => expect((await getCaseFile(caseId))?.visits).toHaveLength(1))
    await screen.findByRole('button', { name: '이 방문 기록 삭제' })
    fireEvent.input(health, { target: { value: '무릎 통증, 병원 동행 필요' } })
    fireEvent.blur(health)
    await waitFor(async () => expect((await getCaseFile(caseId))?.visits).toMatchObject([{ contact: 'reached', health: '무릎 통증, 병원 동행 필요' }]))
  })

  it('keeps what is typed in the moment the draft becomes the visit, before the form has switched over', async () => {
    const caseId = await makeCase('고립 우려')
    renderKo(screenFor(caseId))
    fireEvent.click(await screen.findByLabelText('연락됨'))
    const health = screen.getByLabelText('건강')
    fireEvent.input(health, { target: { value: '무릎 통증' } })
    // The visit exists in the store; the worker goes on typing and leaves the field at once.
    await waitFor(async () => expect((await getCaseFile(caseId))?.visits).toHaveLength(1))
    fireEvent.input(health, { target: { value: '무릎 통증, 병원 동행 필요' } })
    fireEvent.blur(health)
    await waitFor(async () => expect((await getCaseFile(caseId))?.visits).toMatchObject([{ contact: 'reached', health: '무릎 통증, 병원 동행 필요' }]))
    cleanup() // and goes back to the case
    await whenAllWritten()
    expect((await getCaseFile(caseId))?.visits).toMatchObject([{ health: '무릎 통증, 병원 동행 필요' }])
  })

  it('discards a written draft after asking once', async () => {
    const caseId = await makeCase('고립 우려')
    const before = await traces(caseId)
    renderKo(screenFor(caseId))
    const housing = await screen.findByLabelText('주거')
    fireEvent.input(housing, { target: { value: '곰팡이' } })
    fireEvent.blur(housing)
    fireEvent.click(await screen.findByRole('button', { name: '작성 취소' }))
    fireEvent.click(screen.getByRole('button', { name: /버릴까요/ }))
    await waitFor(() => expect(window.location.hash).toBe(`#/case/${caseId}/visits`))
    expect(await traces(caseId)).toEqual(before)
  })
})

describe('deleting a saved visit', () => {
  it('asks once, deletes it, and 되돌리기 in the toast brings it back with the same id', async () => {
    const caseId = await makeCase('고립 우려')
    const visitId = await createVisit(caseId, { contact: 'met', observations: '보일러 고장' })
    const saved = (await getCaseFile(caseId))?.visits
    renderKo(screenFor(caseId, visitId))
    fireEvent.click(await screen.findByRole('button', { name: '이 방문 기록 삭제' }))
    await settle()
    expect((await getCaseFile(caseId))?.visits).toHaveLength(1) // the first press only asks
    fireEvent.click(screen.getByRole('button', { name: '삭제할까요? 한 번 더 누르세요' }))
    await waitFor(async () => expect((await getCaseFile(caseId))?.visits).toEqual([]))
    await waitFor(() => expect(window.location.hash).toBe(`#/case/${caseId}/visits`))

    const toast = screen.getByText('삭제했습니다').closest('.ui-toast') as HTMLElement
    expect(toast.closest('[role="status"]')).not.toBeNull() // announced politely
    const undo = within(toast).getByRole('button', { name: '되돌리기' })
    expect(undo).toHaveFocus()
    fireEvent.click(undo)
    await waitFor(async () => expect((await getCaseFile(caseId))?.visits).toEqual(saved))
    expect(await screen.findByText('되돌렸습니다')).toBeInTheDocument()
  })
})
