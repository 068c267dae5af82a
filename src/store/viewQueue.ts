// Case file views waiting to be reported to the relay (src/sync/viewLog.ts). Sealed like other meta
// about people: which case files a worker opened, and when, is itself personal data.
import { registerViewSource } from '../sync/viewLog'
import type { ViewItem } from '../sync/viewLog'
import { getSealedMeta, setSealedMeta } from './storageMeta'

const KEY = 'viewQueue'
/** A device offline for months keeps at most this many; the oldest go first. */
const MAX_QUEUED = 5000
/** Re-opening the same case file within this window is one view. */
const SAME_VIEW_MS = 60_000

let chain: Promise<unknown> = Promise.resolve()

/** One read-modify-write at a time in this tab, and across tabs where Web Locks exist. */
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined
  const run = (): Promise<T> => (locks ? (locks.request('doum-view-queue', fn) as Promise<T>) : fn())
  const next = chain.then(run, run)
  chain = next.catch(() => undefined)
  return next
}

const read = async (): Promise<ViewItem[]> => (await getSealedMeta<ViewItem[]>(KEY)) ?? []

/** Records that the case file screen of `caseId` was opened. Never throws (a locked store just skips it). */
export function queueView(caseId: string, at = Date.now()): Promise<void> {
  const name = `case/${caseId}`
  return serial(async () => {
    const items = await read()
    if (items.some((v) => v.name === name && at - v.at < SAME_VIEW_MS)) return
    items.push({ name, at })
    await setSealedMeta(KEY, items.slice(-MAX_QUEUED))
  }).catch(() => undefined)
}

registerViewSource({
  take: async (max) => (await read()).slice(0, max),
  drop: (count) => serial(async () => {
    const items = await read()
    await setSealedMeta(KEY, items.length > count ? items.slice(count) : null)
  }),
})
