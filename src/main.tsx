// Entry point: the lock screen first; the app itself (store, sync, screens) is a separate chunk,
// fetched while the worker types the password, so the first load stays small on phones.
import { StrictMode, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import type { App as AppComponent } from './App'
import { Gate } from './features/lock/Gate'
import './app.css'

let loadedApp: typeof AppComponent | null = null
const loadApp = () =>
  import('./App').then((m) => {
    loadedApp = m.App
    return m.App
  })

/**
 * The app once its chunk is here. Not React.lazy + Suspense: once a fallback has shown, React holds the
 * content back for a few hundred ms (fallback throttling), which an unlock would pay every time.
 */
function AppWhenLoaded() {
  const [App, setApp] = useState(() => loadedApp)
  useEffect(() => {
    if (!App) void loadApp().then((loaded) => setApp(() => loaded))
  }, [App])
  return App ? <App /> : <div className="screen" role="status" aria-busy="true" />
}

const root = document.getElementById('root')
if (!root) throw new Error('missing #root')
// Dead code in normal builds: the flag is fixed at build time, so the hook's chunk is not even emitted.
if (import.meta.env.VITE_E2E_HOOKS === '1' && new URLSearchParams(window.location.search).has('e2e')) {
  void import('./e2eHooks').then((m) => m.install())
}

createRoot(root).render(
  <StrictMode>
    <Gate>
      <AppWhenLoaded />
    </Gate>
  </StrictMode>,
)

// Fetched as soon as someone touches the lock screen (the password is being typed), or when the browser
// is first idle: by the time the key is derived the app is here, and a page nobody uses stays light.
const prefetch = () => void loadApp()
for (const event of ['focusin', 'pointerdown', 'keydown']) window.addEventListener(event, prefetch, { once: true, capture: true, passive: true })
const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback
if (idle) idle(prefetch, { timeout: 2000 })
else setTimeout(prefetch, 200)

// The service worker installs (and caches the app for offline use) while the lock screen waits for the
// password, not during the first sync after it, where its downloads would compete with the feed. The
// app's update prompt (platform/serviceWorker.ts) registers the same script again to follow updates.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined)
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
