// Orders a device's change feed so that the cursor committed after each page is safe to resume from:
// resuming with it still delivers everything the device lacks of every document not yet sent; and
// cuts it into pages that fit the device's frame limit.
import { FEED_FIRST_PAGE_DOCS, FEED_PAGE_DOCS } from '../src/sync/protocol'
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

/**
 * Bytes of updates in one feed page, well under the device's MAX_FRAME_BYTES (16 MiB): a page ends at
 * FEED_PAGE_DOCS documents or at this many bytes, whichever comes first, and a larger document is
 * sent in pieces (feedPieces.ts) over several pages.
 */
export const FEED_PAGE_BYTES = 4 * 1024 * 1024
/** A page item's bytes besides its update: the name and two length prefixes. */
const ITEM_OVERHEAD = 16

/** Collects one feed page: items (whole documents or pieces) up to the byte budget and the document count. */
export class FeedPager {
  private items: { name: string; update: Uint8Array }[] = []
  private bytes = 0
  private docs = 0
  private pages = 0

  constructor(
    private readonly budget = FEED_PAGE_BYTES,
    private readonly maxDocs = FEED_PAGE_DOCS,
    private readonly firstDocs = FEED_FIRST_PAGE_DOCS,
  ) {}

  /** True when `update` does not fit beside what the page holds: send the page first. */
  wouldOverflow(name: string, update: Uint8Array): boolean {
    return this.items.length > 0 && this.bytes + update.byteLength + name.length + ITEM_OVERHEAD > this.budget
  }

  add(name: string, update: Uint8Array): void {
    this.items.push({ name, update })
    this.bytes += update.byteLength + name.length + ITEM_OVERHEAD
  }

  /** One more document is complete in this page; true when the page has its FEED_PAGE_DOCS (the first page FEED_FIRST_PAGE_DOCS). */
  docDone(): boolean {
    this.docs++
    return this.docs >= (this.pages === 0 ? this.firstDocs : this.maxDocs)
  }

  get pending(): boolean {
    return this.items.length > 0 || this.docs > 0
  }

  take(): { name: string; update: Uint8Array }[] {
    const items = this.items
    this.pages++
    this.items = []
    this.bytes = 0
    this.docs = 0
    return items
  }
}
