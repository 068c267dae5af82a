// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { useCallback } from 'react'
import { AccountSection } from '../../../src/features/settings/AccountSection'
import { DeadlineSection } from '../../../src/features/settings/DeadlineSection'
import { LanguageSection } from '../../../src/features/settings/LanguageSection'
import { I18nProvider, useT } from '../../../src/i18n'
import type { Locale } from '../../../src/i18n'
import { ToastProvider } from '../../../src/features/common'
import { currentToken, login, logout } from '../../../src/security/session'
import { getSession, getSettings, saveSettings, useSettings } from '../../../src/store'
import { startRelay } from '../../../sync-server/relay'
import type { RelayHandle } from '../../../sync-server/relay'
import { freshStore, renderUi } from '../shell/harness'

let relay: RelayHandle
const relayFetch: typeof fetch = (input, init) => fetch(`${relay.url}${String(input)}`, init)

beforeAll(async () => {
  relay = await startRelay({ storage: 'memory', port: 0, host: '127.0.0.1', seedDemo: true, log: () => undefined })
})
afterAll(async () => {
  await relay.close()
})
beforeEach(freshStore)
afterEach(async () => {
  cleanup()
  await logout()
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

  it('logs in against the real relay, keeps the token in the store, and logs out', async () => {
    await expect(login('dong.worker', 'wrong-password1', relayFetch)).rejects.toMatchObject({ code: 'credentials' })
    expect(currentToken()).toBeNull()
    const session = await login('dong.worker', 'demo2026!', relayFetch)
    expect(session.user).toMatchObject({ username: 'dong.worker', role: 'worker', team: 'dong-sinchon' })
    expect(currentToken()).toBe(session.token)
    expect(await getSession<{ token: string }>()).toMatchObject({ token: session.token })

    renderUi(
      <ToastProvider>
        <AccountSection />
      </ToastProvider>,
    )
    expect(screen.getByTestId('logged-in')).toHaveTextContent('dong.worker (dong-sinchon, 사례관리사)로 로그인됨')
    fireEvent.click(screen.getByRole('button', { name: '로그아웃' }))
    expect(await screen.findByRole('button', { name: '로그인' })).toBeInTheDocument()
    expect(currentToken()).toBeNull()
    expect(await getSession()).toBeUndefined()
  })

  it('shows Korean login errors for missing input and an unreachable server', async () => {
    renderUi(<AccountSection />)
    fireEvent.click(screen.getByRole('button', { name: '로그인' }))
    expect(await screen.findByText('아이디와 비밀번호를 입력해 주세요.')).toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('아이디'), { target: { value: 'dong.worker' } })
    fireEvent.change(screen.getByLabelText('비밀번호'), { target: { value: 'demo2026!' } })
    // jsdom has no server behind the page's origin, so the request cannot be made.
    fireEvent.click(screen.getByRole('button', { name: '로그인' }))
    expect(await screen.findByText('서버에 연결할 수 없습니다. 네트워크를 확인해 주세요.')).toBeInTheDocument()
    expect(currentToken()).toBeNull()
  })
})
