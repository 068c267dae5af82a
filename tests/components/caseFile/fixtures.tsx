// Shared set-up for case file component tests: a fresh fake-IndexedDB store and one synthetic case.
import 'fake-indexeddb/auto'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { expect } from 'vitest'
import type { ReactElement } from 'react'
import { I18nProvider } from '../../../src/i18n'
import { TEST_STORE_KEY } from '../../support/storeKey'
import { closeStore, createCase, openStore } from '../../../src/store'

export function freshStore(): void {
  closeStore()
  openStore(`test-${crypto.randomUUID()}`, TEST_STORE_KEY)
}

/** A synthetic household (made-up name, number and address). */
export async function makeCase(presentingProblem = ''): Promise<string> {
  return createCase({
    household: { targetType: 'basic', address: '서울특별시 중구 세종대로 110' },
    members: [
      { name: '김민수', birthDate: '1990-12-31', sexDigit: '1', phone: '01012345678', isHead: true },
      { name: '김하늘', birthDate: '2015-03-02', sexDigit: '4', relation: '자녀' },
    ],
    intake: { date: '2026-11-01', source: 'dongCenter', presentingProblem },
    level: 'general',
  })
}

export function renderKo(ui: ReactElement) {
  return render(<I18nProvider initialLocale="ko">{ui}</I18nProvider>)
}

/** Opens a tab of the case file (가구 / 욕구조사 / 계획·연계 / 방문·점검 / 이력), as a tap does. */
export async function openTab(name: string): Promise<void> {
  fireEvent.click(await screen.findByRole('tab', { name }))
  await waitFor(() => expect(screen.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true'))
}
