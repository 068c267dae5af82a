// Limits at the entry of a /yjs connection: a socket slot (per account, per address, in all), then per
// message the rate buckets (all messages, awareness updates apart) and, for a document update, the
// document size and the account's daily quota. A refusal is a close code and a Korean reason.
import * as decoding from 'lib0/decoding'
import type { Principal } from './access'
import type { RelayCore } from './core'
import { CLOSE_RATE, CLOSE_TOO_LARGE, LIMIT_TEXT, limitsFor } from './limits'

const MSG_SYNC = 0
const MSG_AWARENESS = 1
const SYNC_STEP2 = 1
const SYNC_UPDATE = 2

export interface YjsRefusal {
  code: number
  reason: string
}

export interface YjsGate {
  /** null when the message may be handled, else how to close the socket. */
  admit(bytes: Uint8Array): YjsRefusal | null
  release(): void
}

/** Claims a socket slot; null (after an access record) when a connection cap is reached. */
export function openYjsGate(core: RelayCore, user: Principal, ip: string, name: string): YjsGate | null {
  const limits = limitsFor(core.storage)
  const release = limits.connect(ip, user.id)
  if (!release) {
    core.auditor.record(user.id, ip, name, 'refused', Date.now(), 'limit=connections')
    return null
  }
  const messages = limits.sessionBucket('yjs')
  const awareness = limits.sessionBucket('awareness')
  const refuse = (kind: string, code: number, reason: string): YjsRefusal => {
    core.auditor.record(user.id, ip, name, 'refused', Date.now(), `limit=${kind}`)
    return { code, reason }
  }
  return {
    release,
    admit(bytes) {
      let type = -1
      let kind = -1
      try {
        const d = decoding.createDecoder(bytes)
        type = decoding.readVarUint(d)
        if (type === MSG_SYNC) kind = decoding.readVarUint(d)
      } catch {
        return null // malformed: the endpoint itself closes with bad-message
      }
      const now = Date.now()
      if (limits.take('yjs', messages, user.id, ip, now) > 0) return refuse('rate', CLOSE_RATE, LIMIT_TEXT.yjsRate)
      if (type === MSG_AWARENESS && limits.take('awareness', awareness, user.id, ip, now) > 0) {
        return refuse('rate', CLOSE_RATE, LIMIT_TEXT.yjsRate)
      }
      if (type === MSG_SYNC && (kind === SYNC_STEP2 || kind === SYNC_UPDATE)) {
        // The frame's length bounds the update's: a generous estimate, never an undercount.
        const [refusal] = limits.checkPush(user.id, [{ name, update: bytes }], (n) => core.storage.mergedState(n)?.byteLength ?? 0, now)
        if (refusal) return refuse(refusal.kind, CLOSE_TOO_LARGE, LIMIT_TEXT.yjsTooLarge)
        limits.charge(user.id, bytes.byteLength, now)
      }
      return null
    },
  }
}
