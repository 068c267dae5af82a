// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { VisitNoteScreen } from '../../../src/features/visits/VisitNoteScreen'
import { getCaseFile } from '../../../src/store'
import { freshStore, makeCase, renderKo } from '../caseFile/fixtures'

beforeEach(freshStore)
afterEach(cleanup)

describe('VisitNoteEditor', () => {
  it('saves a new visit once its contact is picked and text is written, storing composed observations exactly once', async () => {
    const caseId = await makeCase('고립 우려')
    renderKo(<VisitNoteScreen caseId={caseId} visitId="new" />)
    const observations = await screen.findByLabelText('관찰 내용')
    fireEvent.click(screen.getByLabelText('만남'))

    fireEvent.compositionStart(observations)
    for (const step of ['ㄱ', '거', '건', '건ㄱ', '건가', '건강']) fireEvent.input(observations, { target: { value: step } })
    fireEvent.compositionEnd(observations, { data: '건강' })
    await waitFor(async () => expect((await getCaseFile(caseId))?.visits).toHaveLength(1))
    const visitId = (await getCaseFile(caseId))?.visits[0]?.id
    await waitFor(() => expect(window.location.hash).toBe(`#/case/${caseId}/visit/${visitId}`))
    // The same textarea stays: the rest of the typing lands in the saved visit.
    expect(screen.getByLabelText('관찰 내용')).toBe(observations)
    fireEvent.input(observations, { target: { value: '건강 양호' } })
    fireEvent.blur(observations)

    await waitFor(async () => expect((await getCaseFile(caseId))?.visits[0]?.observations).toBe('건강 양호'))
    expect((await getCaseFile(caseId))?.visits).toHaveLength(1)
    expect(await screen.findByText('저장됨 · 기기에 보관')).toBeInTheDocument()
  })

  it('saves the visit kind, contact and crisis signs as they are picked', async () => {
    const caseId = await makeCase('고립 우려')
    renderKo(<VisitNoteScreen caseId={caseId} visitId="new" />)
    fireEvent.click(await screen.findByLabelText('공동방문(동주민센터-보건소)'))
    fireEvent.click(screen.getByLabelText('부재·연락 안 됨'))
    fireEvent.click(screen.getByLabelText('우편물 쌓임'))
    await waitFor(async () =>
      expect((await getCaseFile(caseId))?.visits[0]).toMatchObject({ kind: 'jointHealthCenter', contact: 'noAnswer', crisisSigns: ['mailPiling'] }),
    )
  })

  it('refuses a full 주민등록번호 in a note with a Korean message', async () => {
    const caseId = await makeCase('고립 우려')
    renderKo(<VisitNoteScreen caseId={caseId} visitId="new" />)
    fireEvent.click(await screen.findByLabelText('만남'))
    fireEvent.click(screen.getByRole('button', { name: '방문 기록 저장' }))
    await waitFor(async () => expect((await getCaseFile(caseId))?.visits).toHaveLength(1))
    await screen.findByRole('button', { name: '이 방문 기록 삭제' }) // saved: the form edits the visit now
    const nextSteps = screen.getByLabelText('다음 조치')
    fireEvent.input(nextSteps, { target: { value: '주민번호 901231-1234567 확인' } })
    fireEvent.blur(nextSteps)
    expect(await screen.findByText(/주민등록번호 전체는 저장할 수 없습니다/)).toBeInTheDocument()
    expect((await getCaseFile(caseId))?.visits[0]?.nextSteps).toBe('')
  })
})
