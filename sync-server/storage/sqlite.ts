// RelayStorage on better-sqlite3 (WAL). Every write is one transaction that has committed when the
// call returns, so an acknowledged update survives a SIGKILL; synchronous=FULL also survives power loss.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { docKind } from '../../src/sync/protocol'
import type { DocKind } from '../../src/sync/protocol'
import type { Synchronous } from '../config'
import { newEpoch } from './epoch'
import { collectGarbage } from './gcState'
import { MergeCache } from './mergeCache'
import { MIGRATIONS, SCHEMA } from './schema'
import { SqliteAccess } from './sqliteAccess'
import { SqliteRevocation } from './sqliteRevocation'
import { SqliteAudit, ensureAuditSchema } from './sqliteAudit'
import { secureDataFiles } from './fileModes'
import type { ChainRow } from '../auditChain'
import type {
  AccessChange, AccessKind, AdminChange, AdminLogRow, AuditQuery, AuditRecord, AuditRow, DeviceRecord, DocAccess, FeedEntry, NewUpdate, PurgedDoc, RelayStorage, Role, TeamRecord,
  TokenRecord, UserRecord,
} from './types'
import type { NewUser } from './types'

interface UserRow {
  id: string
  username: string
  role: string
  team: string
  password_hash: string
  failed_logins: number
  locked_until: number
  created_at: number
  must_change: number
  disabled: number
}

function toUser(r: UserRow): UserRecord {
  return {
    id: r.id, username: r.username, role: r.role as Role, team: r.team, passwordHash: r.password_hash,
    failedLogins: r.failed_logins, lockedUntil: r.locked_until, createdAt: r.created_at,
    mustChangePassword: r.must_change === 1, disabled: r.disabled === 1,
  }
}

const asBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength)
const kindList = (kinds: DocKind[]): string => JSON.stringify(kinds)

export function openSqliteStorage(dataDir: string, synchronous: Synchronous = 'FULL', cacheBytes = 64 * 1024 * 1024): RelayStorage {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  secureDataFiles(dataDir)
  const db = new Database(path.join(dataDir, 'relay.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${synchronous}`)
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  // Freed pages are zeroed: a replaced snapshot, a pruned log or a purged case leaves no readable copy.
  db.pragma('secure_delete = ON')
  db.exec(SCHEMA)
  migrate(db)
  ensureAuditSchema(db)
  db.prepare(`INSERT OR IGNORE INTO meta (k, v) VALUES ('epoch', ?)`).run(newEpoch())
  return new SqliteStorage(db, new MergeCache(cacheBytes))
}

/** Applies missing MIGRATIONS; IMMEDIATE so a relay and an admin command opening together do it once. */
function migrate(db: Database.Database): void {
  db.transaction(() => {
    const version = db.prepare(`SELECT v FROM meta WHERE k = 'schema'`).pluck().get() as number
    if (version > MIGRATIONS.length) return
    for (const sql of MIGRATIONS.slice(version - 1)) db.exec(sql)
    db.prepare(`UPDATE meta SET v = ? WHERE k = 'schema'`).run(MIGRATIONS.length + 1)
  }).immediate()
}

class SqliteStorage implements RelayStorage {
  private readonly s
  private readonly appendTx
  private readonly transferTx
  private readonly shareTx
  private readonly feedStateTx
  private readonly revocation: SqliteRevocation
  private readonly audit: SqliteAudit
  private readonly access: SqliteAccess

  constructor(private readonly db: Database.Database, private readonly cache: MergeCache) {
    this.audit = new SqliteAudit(db)
    this.access = new SqliteAccess(db)
    this.revocation = new SqliteRevocation(db, cache, this.audit)
    const p = (sql: string) => db.prepare(sql)
    this.s = {
      head: p(`SELECT v FROM meta WHERE k = 'seq'`).pluck(),
      setHead: p(`UPDATE meta SET v = ? WHERE k = 'seq'`),
      epoch: p(`SELECT v FROM meta WHERE k = 'epoch'`).pluck(),
      setEpoch: p(`UPDATE meta SET v = ? WHERE k = 'epoch'`),
      doc: p(`SELECT name, owner_team, last_seq, snapshot, snapshot_seq FROM docs WHERE name = ?`),
      lastSeq: p(`SELECT last_seq FROM docs WHERE name = ?`).pluck(),
      insertDoc: p(`INSERT INTO docs (name, kind, owner_team, created_at, created_by, last_seq, pending, summary) VALUES (?, ?, ?, ?, ?, ?, 1, ?)`),
      touchDoc: p(`UPDATE docs SET last_seq = ?, pending = pending + 1, summary = ? WHERE name = ?`),
      summary: p(`SELECT summary FROM docs WHERE name = ?`).pluck(),
      insertAccess: p(`INSERT INTO doc_access (doc, team, kind, doc_kind, granted_seq, feed_seq) VALUES (?, ?, ?, ?, ?, ?)`),
      touchAccess: p(`UPDATE doc_access SET feed_seq = ? WHERE doc = ?`),
      insertUpdate: p(`INSERT INTO updates (seq, doc, data, user_id, device_id, at) VALUES (?, ?, ?, ?, ?, ?)`),
      accessRows: p(`SELECT team, kind, granted_seq FROM doc_access WHERE doc = ?`),
      feed: p(`SELECT a.doc AS name, a.feed_seq AS feedSeq, a.granted_seq AS grantedSeq, d.pruned_seq AS prunedSeq,
          COALESCE((SELECT min(u.seq) FROM updates u WHERE u.doc = a.doc AND u.seq > ?), 0) AS firstSeqAfter
        FROM doc_access a JOIN docs d ON d.name = a.doc
        WHERE a.team = ? AND a.feed_seq > ? AND a.feed_seq <= ? AND a.doc_kind IN (SELECT value FROM json_each(?))`),
      revoked: p(`SELECT DISTINCT r.doc FROM revocations r WHERE r.team = ? AND r.seq > ? AND r.seq <= ?
        AND NOT EXISTS (SELECT 1 FROM doc_access a WHERE a.doc = r.doc AND a.team = r.team)`).pluck(),
      since: p(`SELECT data FROM updates WHERE doc = ? AND seq > ? ORDER BY seq`).pluck(),
      hasAccess: p(`SELECT kind FROM doc_access WHERE doc = ? AND team = ?`).pluck(),
      deleteAccess: p(`DELETE FROM doc_access WHERE doc = ? AND team = ?`),
      setOwnerAccess: p(`UPDATE doc_access SET kind = 'owner' WHERE doc = ? AND team = ?`),
      setOwner: p(`UPDATE docs SET owner_team = ? WHERE name = ?`),
      docKindOf: p(`SELECT kind FROM docs WHERE name = ?`).pluck(),
      insertChange: p(`INSERT INTO access_changes (doc, kind, from_team, to_team, by_user, at, seq, basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      insertRevocation: p(`INSERT INTO revocations (seq, doc, team, at) VALUES (?, ?, ?, ?)`),
      history: p(`SELECT doc AS name, kind, from_team AS fromTeam, to_team AS toTeam, by_user AS byUser, at, seq, basis
        FROM access_changes WHERE doc = ? ORDER BY id`),
      ensureTeam: p(`INSERT INTO teams (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING`),
      teams: p(`SELECT id, name FROM teams ORDER BY id`),
      createUser: p(`INSERT INTO users (id, username, role, team, password_hash, created_at, must_change) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      userByName: p(`SELECT * FROM users WHERE username = ?`),
      userById: p(`SELECT * FROM users WHERE id = ?`),
      users: p(`SELECT * FROM users ORDER BY username`),
      countUsers: p(`SELECT count(*) FROM users`).pluck(),
      setHash: p(`UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = 0, must_change = COALESCE(?, must_change) WHERE id = ?`),
      setFailures: p(`UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?`),
      // One statement, so parallel wrong passwords each add one (SET sees the row before the update).
      failure: p(`UPDATE users SET
          failed_logins = CASE WHEN locked_until > 0 AND locked_until <= @now THEN 1 ELSE failed_logins + 1 END,
          locked_until = CASE
            WHEN locked_until > @now THEN locked_until
            WHEN (CASE WHEN locked_until > 0 AND locked_until <= @now THEN 1 ELSE failed_logins + 1 END) >= @max THEN @until
            ELSE 0 END
        WHERE id = @id RETURNING failed_logins AS failedLogins, locked_until AS lockedUntil`),
      succeeded: p(`UPDATE users SET failed_logins = 0, locked_until = 0 WHERE id = ? AND locked_until <= ?`),
      updateUser: p(`UPDATE users SET role = COALESCE(@role, role), team = COALESCE(@team, team),
        disabled = COALESCE(@disabled, disabled) WHERE id = @id`),
      deleteUser: p(`DELETE FROM users WHERE id = ?`),
      touchToken: p(`UPDATE tokens SET last_used = ? WHERE hash = ? AND last_used < ?`),
      deleteToken: p(`DELETE FROM tokens WHERE hash = ?`),
      revokeOthers: p(`DELETE FROM tokens WHERE user_id = ? AND hash != ? AND revoked_at IS NULL`),
      insertToken: p(`INSERT INTO tokens (hash, user_id, expires_at, device_id, last_used) VALUES (?, ?, ?, ?, ?)`),
      tokenUser: p(`SELECT user_id FROM tokens WHERE hash = ? AND expires_at > ? AND revoked_at IS NULL`).pluck(),
      revokeTokens: p(`DELETE FROM tokens WHERE user_id = ?`),
      auditFor: p(`SELECT user_id AS userId, at, ip, doc, action, detail FROM audit WHERE doc = ? ORDER BY id`),
      names: p(`SELECT name FROM docs WHERE kind = ? ORDER BY name`).pluck(),
      compactable: p(`SELECT name FROM docs WHERE pending >= ? LIMIT ?`).pluck(),
      setSnapshot: p(`UPDATE docs SET snapshot = ?, snapshot_seq = ?, pending = 0 WHERE name = ?`),
      markPruned: p(`UPDATE docs SET pruned_seq = max(pruned_seq, COALESCE((SELECT max(u.seq) FROM updates u
        WHERE u.doc = docs.name AND u.seq <= docs.snapshot_seq AND u.at < ?), 0))`),
      prune: p(`DELETE FROM updates WHERE at < ? AND seq <= (SELECT snapshot_seq FROM docs WHERE name = updates.doc)`),
    }
    this.appendTx = db.transaction((items: NewUpdate[], at: number): number[] => {
      let seq = this.s.head.get() as number
      const seqs: number[] = []
      for (const it of items) {
        seq++
        const kind = docKind(it.name)
        if (!kind) throw new Error('invalid document name')
        if (this.s.touchDoc.run(seq, it.summary ?? null, it.name).changes === 0) {
          this.s.insertDoc.run(it.name, kind, it.ownerTeam, at, it.userId, seq, it.summary ?? null)
          this.s.insertAccess.run(it.name, it.ownerTeam, 'owner', kind, seq, seq)
          if (it.creatorAudience) this.s.insertAccess.run(it.name, it.creatorAudience, 'share', kind, seq, seq)
        } else {
          this.s.touchAccess.run(seq, it.name)
        }
        this.s.insertUpdate.run(seq, it.name, asBuffer(it.update), it.userId, it.deviceId, at)
        seqs.push(seq)
      }
      this.s.setHead.run(seq)
      return seqs
    })
    this.feedStateTx = db.transaction((name: string) => ({
      state: this.mergedState(name),
      summary: (this.s.summary.get(name) as string | null | undefined) ?? null,
    }))
    this.shareTx = db.transaction((name: string, toTeam: string, byUser: string, at: number, basis: string): AccessChange => {
      const doc = this.s.doc.get(name) as { owner_team: string } | undefined
      if (!doc) throw new Error('unknown document')
      const kind = this.s.docKindOf.get(name) as string
      const seq = (this.s.head.get() as number) + 1
      this.s.setHead.run(seq)
      if (this.s.hasAccess.get(name, toTeam) === undefined) this.s.insertAccess.run(name, toTeam, 'share', kind, seq, seq)
      this.s.insertChange.run(name, 'share', doc.owner_team, toTeam, byUser, at, seq, basis)
      return { name, kind: 'share', fromTeam: doc.owner_team, toTeam, byUser, at, seq, basis }
    })
    this.transferTx = db.transaction((name: string, toTeam: string, byUser: string, at: number, basis: string): AccessChange => {
      const doc = this.s.doc.get(name) as { owner_team: string } | undefined
      if (!doc) throw new Error('unknown document')
      const kind = this.s.docKindOf.get(name) as string
      const seq = (this.s.head.get() as number) + 1
      this.s.setHead.run(seq)
      const from = doc.owner_team
      if (this.s.hasAccess.get(name, toTeam) === undefined) this.s.insertAccess.run(name, toTeam, 'owner', kind, seq, seq)
      else this.s.setOwnerAccess.run(name, toTeam)
      if (from !== toTeam) {
        this.s.deleteAccess.run(name, from)
        this.s.insertRevocation.run(seq, name, from, at)
      }
      this.s.setOwner.run(toTeam, name)
      this.s.insertChange.run(name, 'transfer', from, toTeam, byUser, at, seq, basis)
      return { name, kind: 'transfer', fromTeam: from, toTeam, byUser, at, seq, basis }
    })
  }

  appendUpdates(items: NewUpdate[], at: number): number[] {
    if (items.length === 0) return []
    return this.appendTx(items, at)
  }

  headSeq(): number {
    return this.s.head.get() as number
  }

  epoch(): number {
    return this.s.epoch.get() as number
  }

  rotateEpoch(): number {
    const epoch = newEpoch()
    this.s.setEpoch.run(epoch)
    return epoch
  }

  docAccess(name: string): DocAccess | null {
    const doc = this.s.doc.get(name) as { owner_team: string } | undefined
    if (!doc) return null
    const rows = this.s.accessRows.all(name) as { team: string; kind: AccessKind; granted_seq: number }[]
    return {
      name, ownerTeam: doc.owner_team,
      teams: new Map(rows.map((r) => [r.team, r.granted_seq])),
      kinds: new Map(rows.map((r) => [r.team, r.kind])),
    }
  }

  feedEntries(team: string, kinds: DocKind[], after: number, upTo: number): FeedEntry[] {
    if (kinds.length === 0) return []
    return this.s.feed.all(after, team, after, upTo, kindList(kinds)) as FeedEntry[]
  }

  revokedSince(team: string, after: number, upTo: number): string[] {
    return this.s.revoked.all(team, after, upTo) as string[]
  }

  updatesSince(name: string, after: number): Uint8Array[] {
    return (this.s.since.all(name, after) as Buffer[]).map(asBytes)
  }

  feedState(name: string): { state: Uint8Array | null; summary: string | null } {
    // One read transaction: an admin command writing beside the relay cannot slip in between the two.
    return this.feedStateTx(name)
  }

  mergedState(name: string): Uint8Array | null {
    const lastSeq = this.s.lastSeq.get(name) as number | undefined
    if (lastSeq === undefined) return null
    const hit = this.cache.get(name)
    if (hit && hit.seq === lastSeq) return hit.state
    let parts: Uint8Array[]
    if (hit) {
      parts = [hit.state, ...this.updatesSince(name, hit.seq)]
    } else {
      const doc = this.s.doc.get(name) as { snapshot: Buffer | null; snapshot_seq: number }
      const log = this.updatesSince(name, doc.snapshot ? doc.snapshot_seq : 0)
      parts = doc.snapshot ? [asBytes(doc.snapshot), ...log] : log
    }
    const state = parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts)
    this.cache.set(name, { state, seq: lastSeq })
    return state
  }

  shareDoc(name: string, toTeam: string, byUser: string, at: number, basis = ''): AccessChange {
    return this.shareTx(name, toTeam, byUser, at, basis)
  }

  transferDoc(name: string, toTeam: string, byUser: string, at: number, basis = ''): AccessChange {
    return this.transferTx(name, toTeam, byUser, at, basis)
  }

  grantDoc(name: string, toTeam: string, kind: 'referral' | 'read', byUser: string, at: number, basis: string): AccessChange {
    return this.access.grant(name, toTeam, kind, byUser, at, basis)
  }

  unshareDoc(name: string, team: string, byUser: string, at: number): AccessChange {
    return this.access.unshare(name, team, byUser, at)
  }

  acceptReferral(name: string, team: string, byUser: string, at: number): AccessChange {
    return this.access.accept(name, team, byUser, at)
  }

  accessHistory(name: string): AccessChange[] {
    return this.s.history.all(name) as AccessChange[]
  }

  ensureTeam(team: TeamRecord): void {
    this.s.ensureTeam.run(team.id, team.name)
  }

  listTeams(): TeamRecord[] {
    return this.s.teams.all() as TeamRecord[]
  }

  createUser(u: NewUser): void {
    this.s.createUser.run(u.id, u.username, u.role, u.team, u.passwordHash, u.createdAt, u.mustChangePassword ? 1 : 0)
  }

  userByName(username: string): UserRecord | null {
    const r = this.s.userByName.get(username) as UserRow | undefined
    return r ? toUser(r) : null
  }

  userById(id: string): UserRecord | null {
    const r = this.s.userById.get(id) as UserRow | undefined
    return r ? toUser(r) : null
  }

  listUsers(): UserRecord[] {
    return (this.s.users.all() as UserRow[]).map(toUser)
  }

  countUsers(): number {
    return this.s.countUsers.get() as number
  }

  setPasswordHash(userId: string, hash: string, mustChange?: boolean): void {
    this.s.setHash.run(hash, mustChange === undefined ? null : mustChange ? 1 : 0, userId)
  }

  recordLoginFailure(userId: string, now: number, maxFailures: number, lockMs: number): { failedLogins: number; lockedUntil: number } {
    const row = this.s.failure.get({ id: userId, now, max: maxFailures, until: now + lockMs }) as
      { failedLogins: number; lockedUntil: number } | undefined
    return row ?? { failedLogins: 0, lockedUntil: 0 }
  }

  loginSucceeded(userId: string, now: number): boolean {
    return this.s.succeeded.run(userId, now).changes === 1
  }

  updateUser(userId: string, patch: { role?: Role; team?: string; disabled?: boolean }): void {
    const disabled = patch.disabled === undefined ? null : patch.disabled ? 1 : 0
    this.s.updateUser.run({ id: userId, role: patch.role ?? null, team: patch.team ?? null, disabled })
  }

  deleteUser(userId: string): boolean {
    return this.s.deleteUser.run(userId).changes === 1
  }

  touchToken(tokenHash: string, at: number, resolutionMs: number): void {
    this.s.touchToken.run(at, tokenHash, at - resolutionMs)
  }

  deleteToken(tokenHash: string): boolean {
    return this.db.transaction(() => {
      this.revocation.bumpRevision()
      return this.s.deleteToken.run(tokenHash).changes === 1
    })()
  }

  revokeOtherTokens(userId: string, keepHash: string): number {
    return this.db.transaction(() => {
      this.revocation.bumpRevision()
      return this.s.revokeOthers.run(userId, keepHash).changes
    })()
  }

  setLoginFailures(userId: string, failedLogins: number, lockedUntil: number): void {
    this.s.setFailures.run(failedLogins, lockedUntil, userId)
  }

  insertToken(tokenHash: string, userId: string, expiresAt: number, deviceId = ''): void {
    this.db.transaction(() => {
      this.s.insertToken.run(tokenHash, userId, expiresAt, deviceId, Date.now())
      if (deviceId) this.revocation.touchDevices([{ userId, deviceId, at: Date.now() }])
    })()
  }

  tokenUser(tokenHash: string, now: number): string | null {
    return (this.s.tokenUser.get(tokenHash, now) as string | undefined) ?? null
  }

  revokeTokens(userId: string): number {
    return this.db.transaction(() => {
      this.revocation.bumpRevision()
      return this.s.revokeTokens.run(userId).changes
    })()
  }

  tokenRecord(tokenHash: string): TokenRecord | null {
    return this.revocation.tokenRecord(tokenHash)
  }

  revokeAccess(userId: string, deviceId: string | null, by: string, at: number): number {
    return this.revocation.revokeAccess(userId, deviceId, by, at)
  }

  deviceRevoked(userId: string, deviceId: string): boolean {
    return this.revocation.deviceRevoked(userId, deviceId)
  }

  touchDevices(seen: { userId: string; deviceId: string; at: number }[]): void {
    this.revocation.touchDevices(seen)
  }

  markWipeSent(userId: string, deviceId: string, at: number): void {
    this.revocation.markWipeSent(userId, deviceId, at)
  }

  listDevices(userId: string): DeviceRecord[] {
    return this.revocation.listDevices(userId)
  }

  purgeTokens(expiredBefore: number): number {
    return this.revocation.purgeTokens(expiredBefore)
  }

  accessRevision(): number {
    return this.revocation.accessRevision()
  }

  docNames(kind: DocKind): string[] {
    return this.s.names.all(kind) as string[]
  }

  docLastSeq(name: string): number | null {
    return (this.s.lastSeq.get(name) as number | undefined) ?? null
  }

  purgeDocs(docs: { name: string; lastSeq: number }[], by: string, at: number): string[] {
    return this.revocation.purgeDocs(docs, by, at)
  }

  isPurged(name: string): boolean {
    return this.revocation.isPurged(name)
  }

  purgedSince(after: number): PurgedDoc[] {
    return this.revocation.purgedSince(after)
  }

  evictCached(names: string[]): void {
    this.revocation.evictCached(names)
  }

  appendAudit(records: AuditRecord[]): void {
    this.audit.append(records)
  }

  queryAudit(q: AuditQuery): AuditRow[] {
    return this.audit.query(q)
  }

  appendAdminLog(change: AdminChange, at: number): void {
    this.audit.appendAdmin(change, at)
  }

  adminLog(from: number, to: number): AdminLogRow[] {
    return this.audit.adminLog(from, to)
  }

  chainRows(table: 'audit' | 'admin_log', afterId: number, limit: number): ChainRow[] {
    return this.audit.chainRows(table, afterId, limit)
  }

  auditFor(doc: string): AuditRecord[] {
    return this.s.auditFor.all(doc) as AuditRecord[]
  }

  compact(threshold: number, maxDocs: number): number {
    const names = this.s.compactable.all(threshold, maxDocs) as string[]
    for (const name of names) {
      const doc = this.s.doc.get(name) as { last_seq: number; snapshot: Buffer | null; snapshot_seq: number }
      const log = this.updatesSince(name, doc.snapshot ? doc.snapshot_seq : 0)
      const state = collectGarbage(doc.snapshot ? [asBytes(doc.snapshot), ...log] : log)
      this.s.setSnapshot.run(asBuffer(state), doc.last_seq, name)
      this.cache.set(name, { state, seq: doc.last_seq })
    }
    return names.length
  }

  prune(before: number): number {
    return this.db.transaction(() => {
      this.s.markPruned.run(before)
      return this.s.prune.run(before).changes
    })()
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
