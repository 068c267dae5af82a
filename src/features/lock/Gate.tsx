// The app opens only for a signed-in, unlocked user: first sign-in, unlock, or the app itself.
// Locking unmounts the app (nothing of it stays on screen) and drops the key from memory.
import { useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import { I18nProvider, useT } from '../../i18n'
import { lastLocale } from '../../platform/lastLocale'
import { initAccess, useAccess } from '../../security/access'
import type { AccessState } from '../../security/access'
import { SignInForm } from './SignInForm'
import { UnlockForm } from './UnlockForm'
import { useIdleLock } from './useIdleLock'
import './lock.css'

function IdleLock({ minutes }: { minutes: number }) {
  useIdleLock(minutes)
  return null
}

function LockScreens({ state }: { state: Exclude<AccessState, { status: 'unlocked' }> }) {
  const t = useT()
  const [signingIn, setSigningIn] = useState(false)
  if (state.status === 'loading') {
    return (
      <div className="screen" role="status" aria-live="polite">
        {t('lock.loading')}
      </div>
    )
  }
  const showSignIn = signingIn || state.accounts.length === 0
  return (
    <main className="main lock-screen" id="main">
      {state.notice ? (
        <p className="lock-notice" role="status" data-testid="lock-notice">
          {t(`lock.notice.${state.notice}`)}
        </p>
      ) : null}
      {showSignIn ? (
        <SignInForm onBack={state.accounts.length ? () => setSigningIn(false) : undefined} />
      ) : (
        <UnlockForm accounts={state.accounts} onOtherUser={() => setSigningIn(true)} />
      )}
    </main>
  )
}

export function Gate({ children }: { children: ReactNode }) {
  const access = useAccess()
  useEffect(() => {
    void initAccess()
  }, [])
  if (access.status === 'unlocked') {
    return (
      <>
        <IdleLock minutes={access.account.idleMinutes} />
        {children}
      </>
    )
  }
  return (
    <I18nProvider initialLocale={lastLocale()}>
      <LockScreens state={access} />
    </I18nProvider>
  )
}
