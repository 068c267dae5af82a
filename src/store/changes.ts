// In-process change notifications: which documents changed, and whether a new pending (local)
// update exists. Fed by this tab's writes and by the cross-tab channel.
import type { CaseSummary } from '../domain'

export interface ChangeEvent {
  names: string[]
  /** A new unacknowledged local update exists (this tab or another). */
  local: boolean
  /** The new list summaries of case files written by this tab (by case id), when it has them at hand. */
  summaries?: ReadonlyMap<string, CaseSummary>
}

type Listener = (event: ChangeEvent) => void
const listeners = new Set<Listener>()

export function onChange(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function emitChange(event: ChangeEvent): void {
  for (const l of [...listeners]) {
    try {
      l(event)
    } catch (err) {
      console.error('store change listener failed', err)
    }
  }
}
