// A /sync push within the relay's limits: items that would take a document past MAX_DOC_BYTES or the
// account past today's USER_QUOTA_BYTES are refused per item (Korean reason, access record); the rest
// go through the core as before, and what it stored is counted against the quota.
import { ErrorCode, isDocName } from '../src/sync/protocol'
import type { Principal } from './access'
import { storeUpdates } from './core'
import type { PushOutcome, RelayCore } from './core'
import type { Subscriber } from './hub'
import { limitsFor } from './limits'

export function storeWithinLimits(
  core: RelayCore, user: Principal, deviceId: string, ip: string,
  items: { name: string; update: Uint8Array }[], origin: Subscriber | null,
): PushOutcome[] {
  const limits = limitsFor(core.storage)
  const now = Date.now()
  const refusals = limits.checkPush(user.id, items, (name) => core.storage.mergedState(name)?.byteLength ?? 0, now)
  const allowed: number[] = []
  const outcomes: PushOutcome[] = new Array(items.length)
  refusals.forEach((r, i) => {
    if (!r || !isDocName(items[i]!.name)) { // a forged name is the core's to refuse
      allowed.push(i)
      return
    }
    outcomes[i] = { ok: false, code: ErrorCode.TooLarge, message: r.message }
    core.auditor.record(user.id, ip, items[i]!.name, 'refused', now, `limit=${r.kind}`)
  })
  if (allowed.length === 0) return outcomes
  const stored = storeUpdates(core, user, deviceId, ip, allowed.map((i) => items[i]!), origin)
  stored.forEach((o, k) => {
    const i = allowed[k]!
    outcomes[i] = o
    if (o.ok) limits.charge(user.id, items[i]!.update.byteLength, now)
  })
  return outcomes
}
