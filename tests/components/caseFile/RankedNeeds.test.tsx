// @vitest-environment jsdom
// The plan suggests the latest 욕구조사's needs in priority order (rankedNeeds: 시급성, then 중요도) and
// opens a new service for a need's domain in one tap; needs a service already covers are marked.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import '../../../src/i18n/screenMessages'
import { PlanSection } from '../../../src/features/caseFile/sections/PlanSection'
import { addPlannedService, getCaseFile, setNeed, setSelection } from '../../../src/store'
import { freshStore, makeCase, renderKo } from './fixtures'

beforeEach(freshStore)
afterEach(cleanup)

describe('plan suggestions from the assessment', () => {
  it('lists needs by urgency then importance, marks covered ones, and plans one for a domain', async () => {
    const caseId = await makeCase('월세 체납')
    await setNeed(caseId, 'economy', { urgency: 3, importance: 5 })
    await setNeed(caseId, 'health', { urgency: 5, importance: 2 })
    await setNeed(caseId, 'housing', { urgency: 3, importance: 4 })
    await setSelection(caseId, { kind: 'caseManagement', decidedAt: '2026-11-10' })
    await addPlannedService(caseId, { domain: 'housing', name: '주거급여 신청', provider: '주민센터', startDate: '2026-11-12' })
    renderKo(<PlanSection caseFile={(await getCaseFile(caseId))!} />)
    const list = screen.getByRole('list', { name: '욕구 우선순위' })
    const rows = within(list).getAllByRole('listitem')
    expect(rows.map((r) => r.querySelector('strong')?.textContent)).toEqual(['건강', '경제', '주거'])
    expect(rows[2]).toHaveTextContent('계획에 있음')
    fireEvent.click(within(rows[1]!).getByRole('button', { name: '경제 서비스 추가' }))
    const form = screen.getByRole('form', { name: '서비스 추가' })
    expect((within(form).getByLabelText(/영역/) as HTMLSelectElement).value).toBe('economy')
  })
})
