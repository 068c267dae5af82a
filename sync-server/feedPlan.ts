// Orders a device's change feed so that the cursor committed after each page is safe to resume from:
// resuming with it still delivers everything the device lacks of every document not yet sent.
import type { FeedEntry } from './storage/types'

export interface FeedItemPlan {
  name: string
  /** Send the whole merged state (new to this device, newly granted, or log pruned past the cursor). */
  full: boolean
  /** Lowest seq at which resuming would skip something this device lacks of this document. */
  key: number
}

export function planFeed(entries: FeedEntry[], cursor: number): FeedItemPlan[] {
  const plan = entries.map((e) => {
    const granted = e.grantedSeq > cursor
    const pruned = e.prunedSeq > cursor
    const keys = [e.firstSeqAfter, granted ? e.grantedSeq : 0, pruned ? e.prunedSeq : 0].filter((k) => k > 0)
    return { name: e.name, full: cursor === 0 || granted || pruned, key: keys.length ? Math.min(...keys) : e.feedSeq }
  })
  return plan.sort((a, b) => a.key - b.key)
}

/** Cursor the device may store once items [0, sent) of the plan are applied. */
export function cursorAfter(plan: FeedItemPlan[], sent: number, cursor: number, headSeq: number): number {
  const next = plan[sent]
  if (!next) return headSeq
  return Math.max(cursor, next.key - 1)
}
