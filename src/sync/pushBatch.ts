// Turns outbox rows into one Push: rows of the same document are merged into one update when that
// is smaller, and the map from pushed localId to the underlying rows lets the Ack settle them all.
import * as Y from 'yjs'
import { MAX_UPDATE_BYTES, type PushItem } from './protocol'
import type { PendingUpdate } from './syncStore'

export interface PushBatch {
  items: PushItem[]
  /** Pushed localId → every outbox localId it stands for. */
  rows: Map<number, number[]>
}

export interface BatchLimits {
  maxRows: number
  maxBytes: number
}

export function buildPushBatch(pending: PendingUpdate[], limits: BatchLimits): PushBatch {
  const taken: PendingUpdate[] = []
  let bytes = 0
  for (const row of pending) {
    if (taken.length >= limits.maxRows) break
    if (taken.length > 0 && bytes + row.update.byteLength > limits.maxBytes) break
    taken.push(row)
    bytes += row.update.byteLength
  }
  const byName = new Map<string, PendingUpdate[]>()
  for (const row of taken) {
    const group = byName.get(row.name)
    if (group) group.push(row)
    else byName.set(row.name, [row])
  }
  const items: PushItem[] = []
  const rows = new Map<number, number[]>()
  for (const [name, group] of byName) {
    const first = group[0]
    if (!first) continue
    if (group.length > 1) {
      const merged = tryMerge(group)
      if (merged) {
        items.push({ localId: first.localId, name, update: merged })
        rows.set(first.localId, group.map((r) => r.localId))
        continue
      }
    }
    for (const r of group) {
      items.push({ localId: r.localId, name, update: r.update })
      rows.set(r.localId, [r.localId])
    }
  }
  return { items, rows }
}

function tryMerge(group: PendingUpdate[]): Uint8Array | null {
  const total = group.reduce((n, r) => n + r.update.byteLength, 0)
  try {
    const merged = Y.mergeUpdates(group.map((r) => r.update))
    return merged.byteLength <= total && merged.byteLength <= MAX_UPDATE_BYTES ? merged : null
  } catch {
    // A corrupt row is sent on its own so the relay refuses only that one.
    return null
  }
}
