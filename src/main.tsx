// Entry point: the lock screen first; the app itself (store, sync, screens) is a separate chunk,
// fetched while the worker types the password, so the first load stays small on phones.
import { StrictMode, Suspense, lazy } from 'react'
import { createRoot } from 'react-dom/client'
import { Gate } from './features/lock/Gate'
import './app.css'

const loadApp = () => import('./App')
const App = lazy(() => loadApp().then((m) => ({ default: m.App })))

const root = document.getElementById('root')
if (!root) throw new Error('missing #root')
// Dead code in normal builds: the flag is fixed at build time, so the hook's chunk is not even emitted.
if (import.meta.env.VITE_E2E_HOOKS === '1' && new URLSearchParams(window.location.search).has('e2e')) {
  void import('./e2eHooks').then((m) => m.install())
}

createRoot(root).render(
  <StrictMode>
    <Gate>
      <Suspense fallback={<div className="screen" role="status" aria-busy="true" />}>
        <App />
      </Suspense>
    </Gate>
  </StrictMode>,
)

// After the first paint, when the browser is idle: by the time a password is typed the app is here.
const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback
if (idle) idle(() => void loadApp(), { timeout: 2000 })
else setTimeout(() => void loadApp(), 200)
