// @vitest-environment jsdom
// The case header counts deadlines with the saved settings (설정 → 기한), as the list does.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { CaseFileScreen } from '../../../src/features/caseFile/CaseFileScreen'
import { saveSettings } from '../../../src/store'
import { freshStore, makeCase, renderKo } from './fixtures'

beforeEach(freshStore)
afterEach(cleanup)

describe('case header deadlines', () => {
  it('follow the saved deadline settings', async () => {
    const caseId = await makeCase() // intake 2026-11-01, still at 접수
    renderKo(<CaseFileScreen caseId={caseId} />)
    await screen.findByRole('heading', { level: 1, name: '김민수' })
    const header = screen.getByRole('banner')
    expect(within(header).getByText('욕구조사 지연')).toBeInTheDocument()
    await saveSettings({ deadlines: { intakeToAssessmentDays: 3650 } })
    await waitFor(() => expect(within(header).queryByText('욕구조사 지연')).toBeNull())
  })
})
