// Entry point: mount the app shell.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { Gate } from './features/lock/Gate'
import './app.css'

const root = document.getElementById('root')
if (!root) throw new Error('missing #root')
// Dead code in normal builds: the flag is fixed at build time, so the hook's chunk is not even emitted.
if (import.meta.env.VITE_E2E_HOOKS === '1' && new URLSearchParams(window.location.search).has('e2e')) {
  void import('./e2eHooks').then((m) => m.install())
}

createRoot(root).render(
  <StrictMode>
    <Gate>
      <App />
    </Gate>
  </StrictMode>,
)
