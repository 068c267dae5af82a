// @vitest-environment jsdom
// The team's resource directory: a built-in row is edited (담당자 연락처, 공공/민간), a row is deleted after
// asking once and 되돌리기 brings it back, filters by 공공/민간 and 인적/물적, and a 협력회의 is recorded.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { ResourcesScreen } from '../../../src/features/resources/ResourcesScreen'
import { ToastProvider } from '../../../src/features/common'
import { SEED_RESOURCES } from '../../../src/domain'
import { addMeeting, addResource, listMeetings, listResources } from '../../../src/store'
import { freshStore, renderKo } from '../caseFile/fixtures'

beforeEach(freshStore)
afterEach(cleanup)

const show = () =>
  renderKo(
    <ToastProvider>
      <ResourcesScreen />
    </ToastProvider>,
  )

const list = () => screen.findByTestId('resource-list')

describe('resources screen', () => {
  it('edits a built-in row: 담당자 연락처 shown formatted, stored for the team', async () => {
    show()
    const row = await within(await list()).findByRole('group', { name: '방문건강관리서비스' })
    fireEvent.click(within(row).getByRole('button', { name: '수정' }))
    const form = screen.getByRole('form', { name: '자원 수정' })
    expect(within(form).getByLabelText<HTMLInputElement>(/서비스명/).value).toBe('방문건강관리서비스')
    fireEvent.input(within(form).getByLabelText('담당자 이름'), { target: { value: '김보건 주무관' } })
    fireEvent.input(within(form).getByLabelText('담당자 연락처'), { target: { value: '02-330-12' } })
    fireEvent.click(within(form).getByRole('button', { name: '저장' }))
    expect(await within(form).findByText('전화번호 형식이 올바르지 않습니다.')).toBeInTheDocument()
    fireEvent.input(within(form).getByLabelText('담당자 연락처'), { target: { value: '02-330-1234' } })
    fireEvent.click(within(form).getByRole('button', { name: '저장' }))
    await waitFor(async () =>
      expect((await listResources()).find((r) => r.id === 'seed-visit-health')).toMatchObject({
        contactName: '김보건 주무관', contactPhone: '023301234', builtIn: true, sector: 'public',
      }),
    )
    const link = await screen.findByRole('link', { name: '02-330-1234에 전화' })
    expect(link).toHaveAttribute('href', 'tel:023301234')
    expect(await listResources()).toHaveLength(SEED_RESOURCES.length)
  })

  it('deletes a row after asking once, and 되돌리기 brings it back', async () => {
    await addResource({ name: '푸드뱅크', target: '', content: '식품 지원', provider: '구 푸드뱅크', domain: 'economy', sector: 'private', kind: 'material' })
    show()
    const row = await within(await list()).findByRole('group', { name: '푸드뱅크' })
    fireEvent.click(within(row).getByRole('button', { name: '삭제' }))
    expect((await listResources()).map((r) => r.name)).toContain('푸드뱅크')
    fireEvent.click(within(row).getByRole('button', { name: '삭제할까요? 한 번 더 누르세요' }))
    await waitFor(async () => expect((await listResources()).map((r) => r.name)).not.toContain('푸드뱅크'))
    await waitFor(() => expect(within(screen.getByTestId('resource-list')).queryByText('푸드뱅크')).toBeNull())
    const undo = await screen.findByRole('button', { name: '되돌리기' })
    expect(undo).toHaveFocus()
    fireEvent.click(undo)
    await waitFor(async () => expect((await listResources()).map((r) => r.name)).toContain('푸드뱅크'))
    expect(await within(await list()).findByText('푸드뱅크')).toBeInTheDocument()
  })

  it('filters by 공공/민간 and 인적/물적', async () => {
    await addResource({ name: '푸드뱅크', target: '', content: '', provider: '구 푸드뱅크', domain: 'economy', sector: 'private', kind: 'material' })
    show()
    await within(await list()).findByText('푸드뱅크')
    fireEvent.click(within(screen.getByRole('group', { name: '인적·물적별 보기' })).getByRole('button', { name: '물적' }))
    await waitFor(() => expect(within(screen.getByTestId('resource-list')).getAllByRole('listitem')).toHaveLength(1))
    fireEvent.click(within(screen.getByRole('group', { name: '공공·민간별 보기' })).getByRole('button', { name: '공공' }))
    expect(await screen.findByText('조건에 맞는 자원이 없습니다. 다른 구분이나 유형을 골라 보세요.')).toBeInTheDocument()
  })

  it('records a 협력회의 with providers picked from the directory and typed in, then edits it', async () => {
    show()
    await list()
    expect(await screen.findByText('기록된 협력회의가 없습니다')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '협력회의 기록' }))
    const form = screen.getByRole('form', { name: '협력회의 기록' })
    fireEvent.change(within(form).getByLabelText(/회의 날짜/), { target: { value: '2026-11-05' } })
    fireEvent.click(within(form).getByRole('button', { name: '저장' }))
    expect(await within(form).findByText('참여 기관을 하나 이상 고르거나 입력하세요.')).toBeInTheDocument()
    fireEvent.click(within(form).getByLabelText('보건소 (방문건강관리서비스)'))
    fireEvent.input(within(form).getByLabelText('그 밖의 참여 기관'), { target: { value: '구 푸드뱅크' } })
    fireEvent.input(within(form).getByLabelText('참석자'), { target: { value: '김복지, 이담당' } })
    fireEvent.input(within(form).getByLabelText('회의 내용'), { target: { value: '분기 협력회의' } })
    fireEvent.click(within(form).getByRole('button', { name: '저장' }))
    await waitFor(async () =>
      expect(await listMeetings()).toMatchObject([
        {
          date: '2026-11-05',
          providers: [{ resourceId: 'seed-visit-health', name: '보건소' }, { name: '구 푸드뱅크' }],
          attendees: ['김복지', '이담당'],
          notes: '분기 협력회의',
        },
      ]),
    )
    const meetings = await screen.findByTestId('meeting-list')
    const row = await within(meetings).findByRole('group', { name: '2026.11.05 협력회의' })
    fireEvent.click(within(row).getByRole('button', { name: '수정' }))
    const edit = screen.getByRole('form', { name: '협력회의 수정' })
    expect(within(edit).getByLabelText<HTMLInputElement>('보건소 (방문건강관리서비스)').checked).toBe(true)
    fireEvent.input(within(edit).getByLabelText('회의 내용'), { target: { value: '분기 협력회의 — 연락 체계 정리' } })
    fireEvent.click(within(edit).getByRole('button', { name: '저장' }))
    await waitFor(async () => expect((await listMeetings())[0]?.notes).toBe('분기 협력회의 — 연락 체계 정리'))
    expect(await within(meetings).findByText('분기 협력회의 — 연락 체계 정리')).toBeInTheDocument()
  })

  it('deletes a 협력회의 after asking once, and 되돌리기 brings it back', async () => {
    await addMeeting({ date: '2026-10-02', providers: [{ name: '보건소' }], attendees: [], notes: '회의록' })
    show()
    const meetings = await screen.findByTestId('meeting-list')
    const row = await within(meetings).findByRole('group', { name: '2026.10.02 협력회의' })
    fireEvent.click(within(row).getByRole('button', { name: '삭제' }))
    fireEvent.click(within(row).getByRole('button', { name: '삭제할까요? 한 번 더 누르세요' }))
    await waitFor(async () => expect(await listMeetings()).toEqual([]))
    expect(await screen.findByText('기록된 협력회의가 없습니다')).toBeInTheDocument()
    fireEvent.click(await screen.findByRole('button', { name: '되돌리기' }))
    await waitFor(async () => expect(await listMeetings()).toHaveLength(1))
    expect(await screen.findByText('회의록')).toBeInTheDocument()
  })
})
