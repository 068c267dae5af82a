// Background upkeep in small slices so it never stalls a feed: snapshot compaction (through a
// garbage-collecting Y.Doc, so deleted text leaves the snapshot), log retention and old token rows.
import type { RelayStorage } from './storage/types'

const COMPACT_THRESHOLD = 32 // log entries after the snapshot before a document is compacted
const COMPACT_SLICE = 10 // ~2 ms a document with garbage collection: a slice stays near 20 ms
const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000

export function startMaintenance(storage: RelayStorage, retentionDays: number, log: (line: string) => void): () => void {
  let stopped = false
  let lastPrune = 0
  let running = false
  const slice = () => {
    if (stopped) return
    try {
      const done = storage.compact(COMPACT_THRESHOLD, COMPACT_SLICE)
      if (done === COMPACT_SLICE) {
        setImmediate(slice)
        return
      }
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now()
        const before = Date.now() - retentionDays * 86_400_000
        // Only the update log and token rows: the audit table (접속기록, ≥ 2 years, 제8조) and the admin log
        // (≥ 3 years, 제5조) are never pruned, whatever RETENTION_DAYS says.
        const pruned = storage.prune(before)
        if (pruned) log(`pruned ${pruned} log entries past retention`)
        // Token rows outlive their expiry by the retention, so a lost device that returns late is still wiped.
        const tokens = storage.purgeTokens(before)
        if (tokens) log(`purged ${tokens} old session tokens`)
      }
    } catch (err) {
      log(`maintenance error: ${(err as Error).name}`)
    }
    running = false
  }
  const timer = setInterval(() => {
    if (running) return
    running = true
    slice()
  }, 2000)
  timer.unref()
  return () => {
    stopped = true
    clearInterval(timer)
  }
}
