// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { HouseholdForm } from '../../../src/features/households/HouseholdForm'
import { CaseListScreen } from '../../../src/features/cases/CaseListScreen'
import { getCaseFile, useCaseList } from '../../../src/store'
import { loadDraft } from '../../../src/store/drafts'
import { freshStore, giveElementsHeight, renderUi } from '../shell/harness'

beforeEach(() => {
  freshStore()
  giveElementsHeight()
})
afterEach(cleanup)

/** The form shows once its sealed draft is read from the store. */
async function renderForm(onSaved: (caseId: string) => void) {
  renderUi(<HouseholdForm onSaved={onSaved} />)
  await screen.findByRole('button', { name: '저장하고 사례 열기' })
}

function typeInto(label: string | RegExp, value: string, index = 0) {
  const el = screen.getAllByLabelText(label)[index] as HTMLInputElement
  fireEvent.input(el, { target: { value } })
  fireEvent.change(el, { target: { value } })
  fireEvent.blur(el)
}

function Total({ onTotal }: { onTotal: (n: number, loading: boolean) => void }) {
  const { total, loading } = useCaseList({ query: '' })
  onTotal(total, loading)
  return null
}

async function expectNoCases() {
  let seen = { total: -1, loading: true }
  renderUi(<Total onTotal={(total, loading) => (seen = { total, loading })} />)
  await waitFor(() => expect(seen.loading).toBe(false))
  expect(seen.total).toBe(0)
}

function fillValid() {
  fireEvent.click(screen.getByLabelText('차상위계층'))
  typeInto('주소 (도로명주소) *', '서울특별시 서대문구 연세로 50')
  typeInto('가구 연락처', '010-2222-3333')
  typeInto('이름 *', '박서연')
  typeInto('생년월일', '1948-02-03')
  typeInto('주민번호 뒷자리 첫 숫자', '2')
  fireEvent.click(screen.getByLabelText('이웃살피미·통장 발굴'))
  typeInto('주요 문제 (주호소)', '겨울철 난방비 부족, 고립')
}

describe('HouseholdForm', () => {
  it('shows Korean messages under each field and writes nothing on empty input', async () => {
    const onSaved = vi.fn()
    await renderForm(onSaved)
    fireEvent.click(screen.getByRole('button', { name: '저장하고 사례 열기' }))
    expect(await screen.findByText('대상 유형을 선택해 주세요.')).toBeInTheDocument()
    expect(screen.getByText('주소를 입력해 주세요.')).toBeInTheDocument()
    expect(screen.getByText('이름을 입력해 주세요.')).toBeInTheDocument()
    expect(screen.getByText('의뢰 경로를 선택해 주세요.')).toBeInTheDocument()
    expect(screen.getByText('입력 내용을 확인해 주세요.')).toBeInTheDocument()
    // the message is wired to its field
    const address = screen.getByLabelText('주소 (도로명주소) *')
    expect(address).toHaveAttribute('aria-invalid', 'true')
    expect(onSaved).not.toHaveBeenCalled()
    cleanup()
    await expectNoCases()
  })

  it('refuses a full 주민등록번호 typed into a field and a bad phone, writing nothing', async () => {
    const onSaved = vi.fn()
    await renderForm(onSaved)
    fillValid()
    typeInto('이름 *', '박서연 480203-2123456')
    typeInto('가구 연락처', '12-34')
    fireEvent.click(screen.getByRole('button', { name: '저장하고 사례 열기' }))
    expect(await screen.findByText('주민등록번호 전체는 입력하지 마세요. 생년월일과 뒷자리 첫 숫자만 저장합니다.')).toBeInTheDocument()
    expect(screen.getByText('전화번호를 010-1234-5678 형식으로 입력해 주세요.')).toBeInTheDocument()
    expect(onSaved).not.toHaveBeenCalled()
    cleanup()
    await expectNoCases()
  })

  it("shows the store's own Korean message under the field it refuses", async () => {
    const onSaved = vi.fn()
    await renderForm(onSaved)
    fillValid()
    typeInto('주민번호 뒷자리 첫 숫자', '4') // 4 means born in the 2000s, the birth date says 1948
    fireEvent.click(screen.getByRole('button', { name: '저장하고 사례 열기' }))
    const digit = screen.getByLabelText('주민번호 뒷자리 첫 숫자')
    await waitFor(() => expect(digit).toHaveAttribute('aria-invalid', 'true'))
    expect(screen.getByText('성별 숫자가 출생연도와 맞지 않습니다.')).toBeInTheDocument()
    expect(onSaved).not.toHaveBeenCalled()
    cleanup()
    await expectNoCases()
  })

  it('saves a valid household with a masked number, then the list shows it', async () => {
    const onSaved = vi.fn()
    await renderForm(onSaved)
    fillValid()
    expect(screen.getByTestId('masked-rrn')).toHaveTextContent('480203-2******')
    fireEvent.click(screen.getByRole('button', { name: '저장하고 사례 열기' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    const caseId = onSaved.mock.calls[0]?.[0] as string
    const saved = await getCaseFile(caseId)
    expect(saved?.household).toMatchObject({ targetType: 'nearPoor', address: '서울특별시 서대문구 연세로 50', phone: '01022223333' })
    expect(saved?.members).toHaveLength(1)
    expect(saved?.members[0]).toMatchObject({ name: '박서연', birthDate: '1948-02-03', sexDigit: '2', isHead: true })
    expect(saved?.intake).toMatchObject({ source: 'volunteerReport', presentingProblem: '겨울철 난방비 부족, 고립' })
    expect(JSON.stringify(saved)).not.toMatch(/480203-?2\d{6}/)
    expect(await loadDraft('household.new')).toBeUndefined()
    cleanup()

    renderUi(<CaseListScreen />)
    const row = await screen.findByRole('link', { name: /박서연/ })
    expect(row).toHaveAttribute('href', `#/case/${caseId}`)
    expect(within(row).getByText('서대문구 연세로')).toBeInTheDocument()
    expect(within(row).getByText('접수·초기상담')).toBeInTheDocument()
    expect(row.textContent).not.toContain('50')
  })

  it('keeps the draft across a reload (remount), never in the URL', async () => {
    await renderForm(() => undefined)
    typeInto('주소 (도로명주소) *', '서울특별시 마포구 월드컵로 1')
    fireEvent.click(screen.getByLabelText('일반저소득'))
    cleanup()
    await renderForm(() => undefined)
    expect(screen.getByLabelText('주소 (도로명주소) *')).toHaveValue('서울특별시 마포구 월드컵로 1')
    expect(screen.getByLabelText('일반저소득')).toBeChecked()
    expect(window.location.href).not.toContain('월드컵로')
  })

  it('adds a second member and makes them the head of household', async () => {
    const onSaved = vi.fn()
    await renderForm(onSaved)
    fillValid()
    fireEvent.click(screen.getByRole('button', { name: '가구원 추가' }))
    const second = screen.getAllByTestId('member-fields')[1] as HTMLElement
    const name = within(second).getByLabelText('이름 *')
    fireEvent.input(name, { target: { value: '박하준' } })
    fireEvent.blur(name)
    fireEvent.click(within(second).getByLabelText('가구주'))
    fireEvent.click(screen.getByRole('button', { name: '저장하고 사례 열기' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    const saved = await getCaseFile(onSaved.mock.calls[0]?.[0] as string)
    const head = saved?.members.find((m) => m.isHead)
    expect(head?.name).toBe('박하준')
    expect(saved?.members).toHaveLength(2)
  })
})
