// Browser signals that the network may be back: the `online` event and the page becoming visible.
// Guarded so the engine also runs in Node, where neither exists.

export function onWakeSignals(wake: () => void): () => void {
  const w = (globalThis as { window?: Window }).window
  const d = (globalThis as { document?: Document }).document
  const onOnline = (): void => wake()
  const onVisible = (): void => {
    if (d?.visibilityState === 'visible') wake()
  }
  w?.addEventListener('online', onOnline)
  d?.addEventListener('visibilitychange', onVisible)
  return () => {
    w?.removeEventListener('online', onOnline)
    d?.removeEventListener('visibilitychange', onVisible)
  }
}
