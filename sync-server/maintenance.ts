// Background upkeep in small slices so it never stalls a feed: snapshot compaction and log retention.
import type { RelayStorage } from './storage/types'

const COMPACT_THRESHOLD = 32 // log entries after the snapshot before a document is compacted
const COMPACT_SLICE = 25
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
        const pruned = storage.prune(Date.now() - retentionDays * 86_400_000)
        if (pruned) log(`pruned ${pruned} log entries past retention`)
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
