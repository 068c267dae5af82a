// Settings change notifications (hooks re-render; deadline changes trigger a projection rebuild).
import type { Settings } from './storageMeta'

type Listener = (settings: Settings, deadlinesChanged: boolean) => void
const listeners = new Set<Listener>()

export function onSettings(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function emitSettings(settings: Settings, deadlinesChanged: boolean): void {
  for (const l of [...listeners]) l(settings, deadlinesChanged)
}
