// @vitest-environment jsdom
// 이웃살피미 배정 in the case file's 가구 tab (issue 10): 배정 (volunteer from the team's list, 주기, 살펴볼 점,
// 주민센터 연락처), 수정, 배정 종료 (asks once); offline the last volunteer list received is offered.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { VolunteerSection } from '../../../src/features/caseFile/sections/VolunteerSection'
import { forgetSession, keepSession } from '../../../src/security/session'
import { getCaseFile, listBriefs, updateHousehold } from '../../../src/store'
import { freshStore, makeCase, renderKo } from '../caseFile/fixtures'

const WORKER_ID = '6f1e2d3c-4b5a-4968-8776-65544332211a'
const VOL = '0b7a4c1e-1d2f-4a5b-8c9d-0e1f2a3b4c5d'
const session = { token: 'dong-token', user: { id: WORKER_ID, username: 'dong.worker', role: 'worker' as const, team: 'dong-sinchon' }, loggedInAt: new Date().toISOString() }
let online = true

beforeEach(async () => {
  freshStore()
  online = true
  vi.stubGlobal('fetch', async (path: string) => {
    if (!online) throw new TypeError('offline')
    expect(path).toBe('/api/volunteers')
    return new Response(JSON.stringify({ volunteers: [{ id: VOL, username: 'dong.volunteer' }] }), { status: 200 })
  })
  await keepSession(session)
})
afterEach(() => {
  cleanup()
  forgetSession()
  vi.unstubAllGlobals()
})

async function renderSection() {
  const caseId = await makeCase('우울증 치료 중')
  renderKo(<VolunteerSection caseFile={(await getCaseFile(caseId))!} />)
  return caseId
}

async function assign() {
  fireEvent.click(await screen.findByRole('button', { name: '배정' }))
  const form = screen.getByRole('form', { name: '이웃살피미 배정' })
  const picker = within(form).getByLabelText('봉사자')
  await waitFor(() => expect(within(picker).getByRole('option', { name: 'dong.volunteer' })).toBeInTheDocument())
  fireEvent.change(picker, { target: { value: VOL } })
  fireEvent.click(within(form).getByLabelText('매주'))
  fireEvent.change(within(form).getByLabelText('살펴볼 점'), { target: { value: '식사 여부' } })
  fireEvent.change(within(form).getByLabelText('주민센터 연락처'), { target: { value: '신촌동 02-330-1234' } })
  fireEvent.click(within(form).getByRole('button', { name: '저장' }))
  // Saved once the form has closed (the brief, then the case's history event).
  await waitFor(() => expect(screen.queryByRole('form', { name: '이웃살피미 배정' })).not.toBeInTheDocument())
  return screen.findByTestId('brief')
}

describe('VolunteerSection', () => {
  it('assigns a volunteer of the team and shows the brief; the brief holds nothing of the case beyond name and address', async () => {
    const caseId = await renderSection()
    expect(await screen.findByText('배정된 이웃살피미가 없습니다.')).toBeInTheDocument()
    const item = await assign()
    expect(item).toHaveTextContent('dong.volunteer')
    expect(item).toHaveTextContent('매주')
    expect(item).toHaveTextContent('살펴볼 점: 식사 여부')
    expect(item).toHaveTextContent('주민센터 연락처: 신촌동 02-330-1234')
    const [entry] = await listBriefs()
    expect(entry?.brief).toMatchObject({ caseId, volunteerId: VOL, assignedBy: WORKER_ID, teamId: 'dong-sinchon', headName: '김민수' })
    expect(JSON.stringify(entry)).not.toMatch(/1990-12-31|2015-03-02|김하늘|우울증/)
  })

  it('refuses an assignment without a volunteer or a schedule, in Korean', async () => {
    await renderSection()
    fireEvent.click(await screen.findByRole('button', { name: '배정' }))
    fireEvent.click(screen.getByRole('button', { name: '저장' }))
    expect(await screen.findByText('봉사자를 고르세요.')).toBeInTheDocument()
    expect(screen.getByText('안부확인 주기를 고르세요.')).toBeInTheDocument()
    expect(await listBriefs()).toEqual([])
  })

  it('edits the schedule, then ends the assignment after asking once', async () => {
    await renderSection()
    const item = await assign()
    fireEvent.click(within(item).getByRole('button', { name: '수정' }))
    const form = screen.getByRole('form', { name: '배정 수정' })
    fireEvent.click(within(form).getByLabelText('매월'))
    fireEvent.click(within(form).getByRole('button', { name: '저장' }))
    await waitFor(() => expect(screen.getByTestId('brief')).toHaveTextContent('매월'))
    fireEvent.click(within(screen.getByTestId('brief')).getByRole('button', { name: '배정 종료' }))
    expect((await listBriefs())[0]?.brief.endedAt).toBeUndefined()
    fireEvent.click(within(screen.getByTestId('brief')).getByRole('button', { name: '배정을 끝낼까요? 한 번 더 누르세요' }))
    await waitFor(() => expect(within(screen.getByTestId('brief')).queryByRole('button', { name: '수정' })).not.toBeInTheDocument())
    expect(screen.getByTestId('brief')).toHaveTextContent(/\d 종료/)
    expect((await listBriefs())[0]?.brief.endedAt).toBeDefined()
  })

  it('says when the household changed after the assignment, and updates the volunteer\'s copy on request', async () => {
    const caseId = await renderSection()
    await assign()
    expect(screen.queryByTestId('brief-outdated')).not.toBeInTheDocument()
    await updateHousehold(caseId, { address: '서울특별시 서대문구 연희로 5' })
    cleanup()
    renderKo(<VolunteerSection caseFile={(await getCaseFile(caseId))!} />)
    const notice = await screen.findByTestId('brief-outdated')
    expect((await listBriefs())[0]?.brief.address).not.toContain('연희로 5')
    fireEvent.click(within(notice).getByRole('button', { name: '새 정보로 갱신' }))
    await waitFor(() => expect(screen.queryByTestId('brief-outdated')).not.toBeInTheDocument())
    expect((await listBriefs())[0]?.brief.address).toContain('서울특별시 서대문구 연희로 5')
  })

  it('offline, offers the last volunteer list received', async () => {
    await renderSection()
    await assign()
    cleanup()
    online = false
    await renderSection()
    fireEvent.click(await screen.findByRole('button', { name: '배정' }))
    const picker = within(screen.getByRole('form', { name: '이웃살피미 배정' })).getByLabelText('봉사자')
    await waitFor(() => expect(within(picker).getByRole('option', { name: 'dong.volunteer' })).toBeInTheDocument())
    expect(await screen.findByText('서버에 연결되지 않아 마지막으로 받은 봉사자 목록입니다.')).toBeInTheDocument()
  })
})
