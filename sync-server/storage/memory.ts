// RelayStorage in plain memory, for tests and throwaway relays: same behaviour as sqlite.ts, no durability.
import * as Y from 'yjs'
import { newEpoch } from './epoch'
import { collectGarbage } from './gcState'
import { docKind } from '../../src/sync/protocol'
import type { DocKind } from '../../src/sync/protocol'
import { ADMIN_ORIGIN } from './types'
import { GENESIS_HASH, chainHash } from '../auditChain'
import type {
  AccessChange, AccessKind, AdminLogRow, AuditRecord, AuditRow, DeviceRecord, DocAccess, FeedEntry, NewUpdate, RelayStorage, TeamRecord, TokenRecord,
  UserRecord,
} from './types'

interface MemDoc {
  kind: DocKind
  ownerTeam: string
  lastSeq: number
  /** team → { grantedSeq, feedSeq } */
  access: Map<string, { grantedSeq: number; feedSeq: number; kind: AccessKind }>
  log: { seq: number; data: Uint8Array; at: number }[]
  snapshot: Uint8Array | null
  snapshotSeq: number
  prunedSeq: number
  summary: string | null
}

export function openMemoryStorage(): RelayStorage {
  let head = 0
  let epoch = newEpoch()
  const docs = new Map<string, MemDoc>()
  const teams = new Map<string, TeamRecord>()
  const users = new Map<string, UserRecord>()
  const tokens = new Map<string, TokenRecord>()
  const devices = new Map<string, DeviceRecord & { userId: string }>() // key: userId + '\n' + deviceId
  const purged = new Map<string, number>() // name → seq
  let revision = 0
  const changes: AccessChange[] = []
  const revocations: { seq: number; doc: string; team: string }[] = []
  const audit: AuditRow[] = []
  const adminRows: AdminLogRow[] = []
  const pushAudit = (r: AuditRecord) => {
    const row = { deviceId: '', detail: '', ...r }
    const id = audit.length + 1
    const prevHash = audit.at(-1)?.hash ?? GENESIS_HASH
    const hash = chainHash(prevHash, [id, row.userId, row.deviceId, row.at, row.ip, row.doc, row.action, row.detail])
    audit.push({ ...row, id, prevHash, hash })
  }
  const deviceKey = (userId: string, deviceId: string) => `${userId}\n${deviceId}`
  const touch = (userId: string, deviceId: string, at: number) => {
    const d = devices.get(deviceKey(userId, deviceId))
    if (d) d.lastSeen = Math.max(d.lastSeen, at)
    else devices.set(deviceKey(userId, deviceId), { userId, deviceId, firstSeen: at, lastSeen: at, revokedAt: null, wipeSentAt: null })
  }

  const record = (c: AccessChange): AccessChange => {
    changes.push(c)
    return c
  }
  const mustDoc = (name: string): MemDoc => {
    const d = docs.get(name)
    if (!d) throw new Error('unknown document')
    return d
  }
  const merge = (parts: Uint8Array[]) => (parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts))

  return {
    appendUpdates(items: NewUpdate[], at: number): number[] {
      for (const it of items) if (!docKind(it.name)) throw new Error('invalid document name')
      return items.map((it) => {
        const seq = ++head
        let d = docs.get(it.name)
        if (!d) {
          d = { kind: docKind(it.name)!, ownerTeam: it.ownerTeam, lastSeq: seq, access: new Map([[it.ownerTeam, { grantedSeq: seq, feedSeq: seq, kind: 'owner' as const }]]), log: [], snapshot: null, snapshotSeq: 0, prunedSeq: 0, summary: null }
          if (it.creatorAudience) d.access.set(it.creatorAudience, { grantedSeq: seq, feedSeq: seq, kind: 'share' })
          docs.set(it.name, d)
        }
        d.lastSeq = seq
        d.summary = it.summary ?? null
        for (const a of d.access.values()) a.feedSeq = seq
        d.log.push({ seq, data: it.update.slice(), at })
        return seq
      })
    },
    headSeq: () => head,
    epoch: () => epoch,
    rotateEpoch: () => (epoch = newEpoch()),
    docAccess(name: string): DocAccess | null {
      const d = docs.get(name)
      if (!d) return null
      return {
        name, ownerTeam: d.ownerTeam,
        teams: new Map([...d.access].map(([t, a]) => [t, a.grantedSeq])),
        kinds: new Map([...d.access].map(([t, a]) => [t, a.kind])),
      }
    },
    feedEntries(team: string, kinds: DocKind[], after: number, upTo: number): FeedEntry[] {
      const out: FeedEntry[] = []
      for (const [name, d] of docs) {
        const a = d.access.get(team)
        if (!a || !kinds.includes(d.kind) || a.feedSeq <= after || a.feedSeq > upTo) continue
        const first = d.log.find((l) => l.seq > after)
        out.push({ name, feedSeq: a.feedSeq, grantedSeq: a.grantedSeq, prunedSeq: d.prunedSeq, firstSeqAfter: first?.seq ?? 0 })
      }
      return out
    },
    revokedSince(team: string, after: number, upTo: number): string[] {
      const names = revocations.filter((r) => r.team === team && r.seq > after && r.seq <= upTo).map((r) => r.doc)
      return [...new Set(names)].filter((n) => !docs.get(n)?.access.has(team))
    },
    updatesSince: (name, after) => (docs.get(name)?.log ?? []).filter((l) => l.seq > after).map((l) => l.data),
    mergedState(name: string): Uint8Array | null {
      const d = docs.get(name)
      if (!d) return null
      const log = d.log.filter((l) => l.seq > d.snapshotSeq).map((l) => l.data)
      return merge(d.snapshot ? [d.snapshot, ...log] : log)
    },
    feedState(name: string) {
      return { state: this.mergedState(name), summary: docs.get(name)?.summary ?? null }
    },
    shareDoc(name, toTeam, byUser, at, basis = ''): AccessChange {
      const d = mustDoc(name)
      const seq = ++head
      if (!d.access.has(toTeam)) d.access.set(toTeam, { grantedSeq: seq, feedSeq: seq, kind: 'share' })
      return record({ name, kind: 'share', fromTeam: d.ownerTeam, toTeam, byUser, at, seq, basis })
    },
    transferDoc(name, toTeam, byUser, at, basis = ''): AccessChange {
      const d = mustDoc(name)
      const seq = ++head
      const from = d.ownerTeam
      const held = d.access.get(toTeam)
      if (held) held.kind = 'owner'
      else d.access.set(toTeam, { grantedSeq: seq, feedSeq: seq, kind: 'owner' })
      if (from !== toTeam) {
        d.access.delete(from)
        revocations.push({ seq, doc: name, team: from })
      }
      d.ownerTeam = toTeam
      return record({ name, kind: 'transfer', fromTeam: from, toTeam, byUser, at, seq, basis })
    },
    grantDoc(name, toTeam, kind, byUser, at, basis): AccessChange {
      const d = mustDoc(name)
      const seq = ++head
      if (!d.access.has(toTeam)) d.access.set(toTeam, { grantedSeq: seq, feedSeq: seq, kind })
      return record({ name, kind: kind === 'referral' ? 'refer' : 'share-read', fromTeam: d.ownerTeam, toTeam, byUser, at, seq, basis })
    },
    unshareDoc(name, team, byUser, at): AccessChange {
      const d = mustDoc(name)
      const seq = ++head
      if (team !== d.ownerTeam && d.access.delete(team)) revocations.push({ seq, doc: name, team })
      return record({ name, kind: 'unshare', fromTeam: d.ownerTeam, toTeam: team, byUser, at, seq, basis: '' })
    },
    acceptReferral(name, team, byUser, at): AccessChange {
      const d = mustDoc(name)
      const seq = ++head
      const from = d.ownerTeam
      const held = d.access.get(team)
      if (held) held.kind = 'owner'
      const previous = d.access.get(from)
      if (previous && from !== team) previous.kind = 'share'
      d.ownerTeam = team
      return record({ name, kind: 'accept', fromTeam: from, toTeam: team, byUser, at, seq, basis: '' })
    },
    accessHistory: (name) => changes.filter((c) => c.name === name),
    ensureTeam: (t) => { if (!teams.has(t.id)) teams.set(t.id, { ...t }) },
    listTeams: () => [...teams.values()].sort((a, b) => a.id.localeCompare(b.id)),
    createUser(u) {
      if ([...users.values()].some((x) => x.username === u.username)) throw new Error('UNIQUE constraint failed: users.username')
      users.set(u.id, { ...u, failedLogins: 0, lockedUntil: 0, mustChangePassword: u.mustChangePassword ?? false, disabled: false })
    },
    userByName: (username) => [...users.values()].find((u) => u.username === username) ?? null,
    userById: (id) => users.get(id) ?? null,
    listUsers: () => [...users.values()].sort((a, b) => a.username.localeCompare(b.username)),
    countUsers: () => users.size,
    setPasswordHash(userId, hash, mustChange) {
      const u = users.get(userId)
      if (u) Object.assign(u, { passwordHash: hash, failedLogins: 0, lockedUntil: 0, mustChangePassword: mustChange ?? u.mustChangePassword })
    },
    recordLoginFailure(userId, now, maxFailures, lockMs) {
      const u = users.get(userId)
      if (!u) return { failedLogins: 0, lockedUntil: 0 }
      const expired = u.lockedUntil > 0 && u.lockedUntil <= now
      const failed = expired ? 1 : u.failedLogins + 1
      const lockedUntil = u.lockedUntil > now ? u.lockedUntil : failed >= maxFailures ? now + lockMs : 0
      Object.assign(u, { failedLogins: failed, lockedUntil })
      return { failedLogins: failed, lockedUntil }
    },
    loginSucceeded(userId, now) {
      const u = users.get(userId)
      if (!u || u.lockedUntil > now) return false
      Object.assign(u, { failedLogins: 0, lockedUntil: 0 })
      return true
    },
    updateUser(userId, patch) {
      const u = users.get(userId)
      if (!u) return
      if (patch.role !== undefined) u.role = patch.role
      if (patch.team !== undefined) u.team = patch.team
      if (patch.disabled !== undefined) u.disabled = patch.disabled
    },
    deleteUser: (userId) => users.delete(userId),
    touchToken(hash, at, resolutionMs) {
      const t = tokens.get(hash)
      if (t && t.lastUsedAt < at - resolutionMs) t.lastUsedAt = at
    },
    deleteToken(hash) {
      revision++
      return tokens.delete(hash)
    },
    revokeOtherTokens(userId, keepHash) {
      let n = 0
      for (const [h, t] of tokens) if (t.userId === userId && h !== keepHash && t.revokedAt === null) { tokens.delete(h); n++ }
      revision++
      return n
    },
    setLoginFailures(userId, failedLogins, lockedUntil) {
      const u = users.get(userId)
      if (u) Object.assign(u, { failedLogins, lockedUntil })
    },
    insertToken(hash, userId, expiresAt, deviceId = '') {
      tokens.set(hash, { userId, expiresAt, deviceId, revokedAt: null, lastUsedAt: Date.now() })
      if (deviceId) touch(userId, deviceId, Date.now())
    },
    tokenUser(hash, now) {
      const t = tokens.get(hash)
      return t && t.expiresAt > now && t.revokedAt === null ? t.userId : null
    },
    revokeTokens(userId) {
      let n = 0
      for (const [h, t] of tokens) if (t.userId === userId) { tokens.delete(h); n++ }
      revision++
      return n
    },
    tokenRecord: (hash) => {
      const t = tokens.get(hash)
      return t ? { ...t } : null
    },
    revokeAccess(userId, deviceId, by, at) {
      let live = 0
      for (const t of tokens.values()) {
        if (t.userId !== userId || t.revokedAt !== null || (deviceId !== null && t.deviceId !== deviceId)) continue
        if (t.expiresAt > at) live++
        t.revokedAt = at
      }
      if (deviceId !== null) {
        touch(userId, deviceId, 0)
        devices.get(deviceKey(userId, deviceId))!.revokedAt = at
      }
      const action = deviceId === null ? 'revoke-tokens' : 'revoke-device'
      const detail = `by=${by} user=${userId}${deviceId === null ? '' : ` device=${deviceId}`} sessions=${live}`
      pushAudit({ userId: by, at, ip: ADMIN_ORIGIN, doc: '', action, detail })
      revision++
      return live
    },
    deviceRevoked: (userId, deviceId) => (devices.get(deviceKey(userId, deviceId))?.revokedAt ?? null) !== null,
    touchDevices: (seen) => { for (const d of seen) touch(d.userId, d.deviceId, d.at) },
    markWipeSent(userId, deviceId, at) {
      const d = devices.get(deviceKey(userId, deviceId))
      if (d) d.wipeSentAt = at
    },
    listDevices: (userId) => [...devices.values()]
      .filter((d) => d.userId === userId)
      .sort((a, b) => b.lastSeen - a.lastSeen)
      .map(({ deviceId, firstSeen, lastSeen, revokedAt, wipeSentAt }) => ({ deviceId, firstSeen, lastSeen, revokedAt, wipeSentAt })),
    purgeTokens(expiredBefore) {
      let n = 0
      for (const [h, t] of tokens) if (t.expiresAt < expiredBefore) { tokens.delete(h); n++ }
      return n
    },
    accessRevision: () => revision,
    docNames: (kind) => [...docs].filter(([, d]) => d.kind === kind).map(([name]) => name).sort(),
    docLastSeq: (name) => docs.get(name)?.lastSeq ?? null,
    purgeDocs(list, by, at) {
      const seq = head + 1
      const done: string[] = []
      for (const { name, lastSeq } of list) {
        const d = docs.get(name)
        if (!d || d.lastSeq !== lastSeq) continue
        for (const team of d.access.keys()) revocations.push({ seq, doc: name, team })
        docs.delete(name)
        purged.set(name, seq)
        pushAudit({ userId: by, at, ip: ADMIN_ORIGIN, doc: name, action: 'purge', detail: `by=${by}` })
        done.push(name)
      }
      if (done.length) {
        head = seq
        revision++
      }
      return done
    },
    isPurged: (name) => purged.has(name),
    purgedSince: (after) => [...purged]
      .filter(([, seq]) => seq > after)
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
      .map(([name, seq]) => ({ name, seq, teams: revocations.filter((r) => r.doc === name && r.seq === seq).map((r) => r.team) })),
    evictCached: () => {}, // nothing cached
    appendAudit: (records) => { records.forEach(pushAudit) },
    auditFor: (doc) => audit.filter((a) => a.doc === doc),
    queryAudit: (q) => audit.filter((a) => (q.userId === undefined || a.userId === q.userId) && (q.doc === undefined || a.doc === q.doc)
      && (q.from === undefined || a.at >= q.from) && (q.to === undefined || a.at < q.to)),
    appendAdminLog(change, at) {
      const c = { detail: '', ...change }
      const id = adminRows.length + 1
      const prevHash = adminRows.at(-1)?.hash ?? GENESIS_HASH
      adminRows.push({ ...c, id, at, prevHash, hash: chainHash(prevHash, [id, at, c.by, c.action, c.target, c.detail]) })
    },
    adminLog: (from, to) => adminRows.filter((r) => r.at >= from && r.at < to),
    chainRows: (table, afterId, limit) => table === 'audit'
      ? audit.filter((r) => r.id > afterId).slice(0, limit)
        .map((r) => ({ id: r.id, prevHash: r.prevHash, hash: r.hash, fields: [r.id, r.userId, r.deviceId, r.at, r.ip, r.doc, r.action, r.detail] }))
      : adminRows.filter((r) => r.id > afterId).slice(0, limit)
        .map((r) => ({ id: r.id, prevHash: r.prevHash, hash: r.hash, fields: [r.id, r.at, r.by, r.action, r.target, r.detail] })),
    compact(threshold, maxDocs) {
      let n = 0
      for (const d of docs.values()) {
        if (n >= maxDocs) break
        const pending = d.log.filter((l) => l.seq > d.snapshotSeq)
        if (pending.length < threshold) continue
        d.snapshot = collectGarbage(d.snapshot ? [d.snapshot, ...pending.map((l) => l.data)] : pending.map((l) => l.data))
        d.snapshotSeq = d.lastSeq
        n++
      }
      return n
    },
    prune(before) {
      let n = 0
      for (const d of docs.values()) {
        const keep = d.log.filter((l) => !(l.at < before && l.seq <= d.snapshotSeq))
        for (const l of d.log) if (!keep.includes(l)) d.prunedSeq = Math.max(d.prunedSeq, l.seq)
        n += d.log.length - keep.length
        d.log = keep
      }
      return n
    },
    close: () => {},
  }
}
