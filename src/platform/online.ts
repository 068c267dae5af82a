// Online/offline adapter: navigator.onLine plus its events, readable from React and from plain code.
import { useSyncExternalStore } from 'react'

export function isOnline(): boolean {
  return typeof navigator === 'undefined' ? true : navigator.onLine
}

export function subscribeOnline(listener: (online: boolean) => void): () => void {
  const onChange = () => listener(isOnline())
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, isOnline, () => true)
}
