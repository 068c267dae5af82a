// Shared set-up for shell/list/form component tests: a fresh fake-IndexedDB store per test and providers.
import 'fake-indexeddb/auto'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { I18nProvider } from '../../../src/i18n'
import type { Locale } from '../../../src/i18n'
import { ToastProvider } from '../../../src/features/common'
import { TEST_STORE_KEY } from '../../support/storeKey'
import { closeStore, createCase, openStore } from '../../../src/store'
import type { CreateCaseInput } from '../../../src/store'

export function freshStore(): void {
  closeStore()
  openStore(`test-${crypto.randomUUID()}`, TEST_STORE_KEY)
}

export function renderUi(ui: ReactElement, locale: Locale = 'ko') {
  return render(
    <I18nProvider initialLocale={locale}>
      <ToastProvider>{ui}</ToastProvider>
    </I18nProvider>,
  )
}

/** jsdom lays nothing out; give scroll containers a height so the virtualised list renders rows. */
export function giveElementsHeight(px = 800): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => px })
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1024 })
}

/** A synthetic household (made-up names and addresses). */
export function makeCase(headName: string, overrides: Partial<CreateCaseInput> = {}): Promise<string> {
  return createCase({
    household: { targetType: 'basic', address: '서울특별시 서대문구 신촌로 123' },
    members: [{ name: headName, birthDate: '1950-05-05', sexDigit: '2', isHead: true }],
    intake: { date: '2026-11-01', source: 'dongCenter', presentingProblem: '' },
    level: 'general',
    ...overrides,
  })
}

export function setOnline(online: boolean): void {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online })
  window.dispatchEvent(new Event(online ? 'online' : 'offline'))
}
