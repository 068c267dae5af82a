// Service worker registration (production builds only) and the "new version — reload" handshake.
import { Workbox } from 'workbox-window'

export type UpdateListener = (accept: () => void) => void

let registered = false

/**
 * Registers /sw.js and calls `onUpdateReady` when a new worker is waiting. `accept` tells it to take
 * over and reloads once it controls the page; every field is saved as typed, so nothing is lost.
 */
export function registerServiceWorker(onUpdateReady: UpdateListener): void {
  if (!import.meta.env.PROD || registered || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return
  registered = true
  const wb = new Workbox('/sw.js')
  wb.addEventListener('waiting', () => {
    onUpdateReady(() => {
      wb.addEventListener('controlling', () => window.location.reload())
      wb.messageSkipWaiting()
    })
  })
  void wb.register()
}
