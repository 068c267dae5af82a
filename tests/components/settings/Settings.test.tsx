// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { useCallback } from 'react'
import { DeadlineSection } from '../../../src/features/settings/DeadlineSection'
import { LanguageSection } from '../../../src/features/settings/LanguageSection'
import { I18nProvider, useT } from '../../../src/i18n'
import type { Locale } from '../../../src/i18n'
import { getSettings, saveSettings, useSettings } from '../../../src/store'
import { freshStore, renderUi } from '../shell/harness'

beforeEach(freshStore)
afterEach(() => {
  cleanup()
})

function Title() {
  const t = useT()
  return <h1>{t('settings.title')}</h1>
}

/** The same wiring as App: the locale comes from the stored settings and is saved on change. */
function LocaleFromStore() {
  const settings = useSettings()
  const onChange = useCallback((locale: Locale) => void saveSettings({ locale }), [])
  return (
    <I18nProvider locale={settings.locale} onLocaleChange={onChange}>
      <Title />
      <LanguageSection />
    </I18nProvider>
  )
}

describe('settings', () => {
  it('switches the language to English and keeps it in the stored settings', async () => {
    renderUi(<LocaleFromStore />)
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('설정')
    fireEvent.click(screen.getByLabelText('English'))
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Settings'))
    expect((await getSettings()).locale).toBe('en')
  })

  it('refuses a deadline that is not a positive whole number, and saves a valid one', async () => {
    renderUi(<DeadlineSection />)
    const field = await screen.findByLabelText('접수 → 욕구·위기도 조사 (일)')
    expect(field).toHaveValue('10')
    fireEvent.change(field, { target: { value: '0' } })
    fireEvent.click(screen.getByRole('button', { name: '저장' }))
    expect(await screen.findByText('1 이상의 정수를 입력해 주세요.')).toBeInTheDocument()
    expect((await getSettings()).deadlines.intakeToAssessmentDays).toBe(10)
    fireEvent.change(screen.getByLabelText('접수 → 욕구·위기도 조사 (일)'), { target: { value: '7' } })
    fireEvent.click(screen.getByRole('button', { name: '저장' }))
    await waitFor(async () => expect((await getSettings()).deadlines.intakeToAssessmentDays).toBe(7))
  })
})
