// Ends sessions within about a second of a revocation, even one written by the admin CLI in another
// process: a cheap poll of the storage's access revision (one indexed read), then a recheck of every
// open session's token and a Revoked notice for documents purged meanwhile. Expiry is checked in memory.
import type { RelayCore } from './core'

export function watchAccess(core: RelayCore, intervalMs = 1000): () => void {
  let revision = core.storage.accessRevision()
  let purgedUpTo = core.storage.headSeq()

  const onChange = (now: number): void => {
    const ended = core.sessions.recheck((s) => {
      const check = core.auth.checkHash(s.tokenHash, s.deviceId, now)
      return check.kind === 'ok' ? null : check.kind
    })
    if (ended) core.log(`sessions ended after a revocation: ${ended}`)
    for (const p of core.storage.purgedSince(purgedUpTo)) {
      core.storage.evictCached([p.name])
      for (const team of p.teams) core.hub.revokeTeam(p.name, team)
      purgedUpTo = Math.max(purgedUpTo, p.seq)
    }
  }

  const timer = setInterval(() => {
    try {
      const now = Date.now()
      core.sessions.expire(now)
      const next = core.storage.accessRevision()
      if (next === revision) return
      revision = next
      onChange(now)
    } catch (err) {
      core.log(`access watch error: ${(err as Error).name}`)
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
