// Checks one Yjs update without building a document: garbage is refused before it can reach the log.
import * as Y from 'yjs'

/** 'invalid' for bytes that are not a Yjs update, 'empty' for one that changes nothing, else 'ok'. */
export function inspectUpdate(update: Uint8Array): 'invalid' | 'empty' | 'ok' {
  try {
    const { structs, ds } = Y.decodeUpdate(update)
    Y.encodeStateVectorFromUpdate(update)
    return structs.length === 0 && ds.clients.size === 0 ? 'empty' : 'ok'
  } catch {
    return 'invalid'
  }
}

/** An update that carries neither content nor deletions (e.g. a step 2 answer with nothing new). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  try {
    const { structs, ds } = Y.decodeUpdate(update)
    return structs.length === 0 && ds.clients.size === 0
  } catch {
    return false
  }
}

/** True when `update` holds nothing `merged` lacks: no new structs and only deletions already known. */
export function addsNothing(update: Uint8Array, merged: Uint8Array | null): boolean {
  if (!merged) return isEmptyUpdate(update)
  try {
    const rest = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVectorFromUpdate(merged)))
    if (rest.structs.length > 0) return false
    if (rest.ds.clients.size === 0) return true
    const known = Y.decodeUpdate(merged).ds.clients
    for (const [client, ranges] of rest.ds.clients) {
      const have = [...(known.get(client) ?? [])].sort((a, b) => a.clock - b.clock)
      for (const r of ranges) {
        let at = r.clock
        const end = r.clock + r.len
        for (const h of have) {
          if (h.clock <= at && h.clock + h.len > at) at = h.clock + h.len
          if (at >= end) break
        }
        if (at < end) return false
      }
    }
    return true
  } catch {
    return false
  }
}
