// Tokens bound to devices, admin revocation and purged documents on SQLite: the part of the storage a
// separate admin process writes while the relay runs. Each write bumps meta 'access_rev', which the
// relay polls to end sessions and drop documents within a second.
import type Database from 'better-sqlite3'
import type { MergeCache } from './mergeCache'
import type { SqliteAudit } from './sqliteAudit'
import { ADMIN_ORIGIN } from './types'
import type { DeviceRecord, PurgedDoc, TokenRecord } from './types'

interface DeviceRow {
  device_id: string
  first_seen: number
  last_seen: number
  revoked_at: number | null
  wipe_sent_at: number | null
}

/** A device's last-seen time is rewritten at most this often, so reconnects cost no write. */
const LAST_SEEN_RESOLUTION_MS = 10 * 60 * 1000

export class SqliteRevocation {
  private readonly s
  private readonly revokeTx
  private readonly touchTx
  private readonly purgeTx

  constructor(db: Database.Database, private readonly cache: MergeCache, private readonly audit: SqliteAudit) {
    const p = (sql: string) => db.prepare(sql)
    this.s = {
      bumpRev: p(`UPDATE meta SET v = v + 1 WHERE k = 'access_rev'`),
      rev: p(`SELECT v FROM meta WHERE k = 'access_rev'`).pluck(),
      token: p(`SELECT user_id AS userId, expires_at AS expiresAt, device_id AS deviceId, revoked_at AS revokedAt,
        last_used AS lastUsedAt FROM tokens WHERE hash = ?`),
      liveTokens: p(`SELECT count(*) FROM tokens WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?
        AND (? IS NULL OR device_id = ?)`).pluck(),
      revokeTokens: p(`UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND (? IS NULL OR device_id = ?)`),
      revokeDevice: p(`INSERT INTO devices (user_id, device_id, first_seen, last_seen, revoked_at, revoked_by) VALUES (?, ?, 0, 0, ?, ?)
        ON CONFLICT (user_id, device_id) DO UPDATE SET revoked_at = excluded.revoked_at, revoked_by = excluded.revoked_by`),
      deviceRevoked: p(`SELECT 1 FROM devices WHERE user_id = ? AND device_id = ? AND revoked_at IS NOT NULL`).pluck(),
      touch: p(`INSERT INTO devices (user_id, device_id, first_seen, last_seen) VALUES (?, ?, ?, ?)
        ON CONFLICT (user_id, device_id) DO UPDATE SET last_seen = excluded.last_seen
        WHERE excluded.last_seen >= devices.last_seen + ${LAST_SEEN_RESOLUTION_MS}`),
      wipeSent: p(`UPDATE devices SET wipe_sent_at = ? WHERE user_id = ? AND device_id = ?`),
      devices: p(`SELECT device_id, first_seen, last_seen, revoked_at, wipe_sent_at FROM devices WHERE user_id = ?
        ORDER BY last_seen DESC`),
      purgeTokens: p(`DELETE FROM tokens WHERE expires_at < ?`),
      head: p(`SELECT v FROM meta WHERE k = 'seq'`).pluck(),
      setHead: p(`UPDATE meta SET v = ? WHERE k = 'seq'`),
      lastSeq: p(`SELECT last_seq FROM docs WHERE name = ?`).pluck(),
      teams: p(`SELECT team FROM doc_access WHERE doc = ?`).pluck(),
      dropUpdates: p(`DELETE FROM updates WHERE doc = ?`),
      dropAccess: p(`DELETE FROM doc_access WHERE doc = ?`),
      dropDoc: p(`DELETE FROM docs WHERE name = ?`),
      revocation: p(`INSERT INTO revocations (seq, doc, team, at) VALUES (?, ?, ?, ?)`),
      purged: p(`INSERT INTO purged_docs (name, seq, at, by_user) VALUES (?, ?, ?, ?)`),
      isPurged: p(`SELECT 1 FROM purged_docs WHERE name = ?`).pluck(),
      purgedSince: p(`SELECT p.name, p.seq, json_group_array(r.team) FILTER (WHERE r.team IS NOT NULL) AS teams
        FROM purged_docs p LEFT JOIN revocations r ON r.doc = p.name AND r.seq = p.seq
        WHERE p.seq > ? GROUP BY p.name, p.seq ORDER BY p.seq, p.name`),
    }
    this.revokeTx = db.transaction((userId: string, deviceId: string | null, by: string, at: number): number => {
      const live = this.s.liveTokens.get(userId, at, deviceId, deviceId) as number
      this.s.revokeTokens.run(at, userId, deviceId, deviceId)
      if (deviceId !== null) this.s.revokeDevice.run(userId, deviceId, at, by)
      const action = deviceId === null ? 'revoke-tokens' : 'revoke-device'
      const detail = `by=${by} user=${userId}${deviceId === null ? '' : ` device=${deviceId}`} sessions=${live}`
      this.audit.append([{ userId: by, at, ip: ADMIN_ORIGIN, doc: '', action, detail }])
      this.s.bumpRev.run()
      return live
    })
    this.touchTx = db.transaction((seen: { userId: string; deviceId: string; at: number }[]) => {
      for (const d of seen) this.s.touch.run(d.userId, d.deviceId, d.at, d.at)
    })
    this.purgeTx = db.transaction((docs: { name: string; lastSeq: number }[], by: string, at: number): string[] => {
      const seq = (this.s.head.get() as number) + 1
      const done: string[] = []
      for (const { name, lastSeq } of docs) {
        if (this.s.lastSeq.get(name) !== lastSeq) continue // written meanwhile (reopened?): judge it again next run
        for (const team of this.s.teams.all(name) as string[]) this.s.revocation.run(seq, name, team, at)
        this.s.dropUpdates.run(name)
        this.s.dropAccess.run(name)
        this.s.dropDoc.run(name)
        this.s.purged.run(name, seq, at, by)
        this.audit.append([{ userId: by, at, ip: ADMIN_ORIGIN, doc: name, action: 'purge', detail: `by=${by}` }])
        done.push(name)
      }
      if (done.length) {
        this.s.setHead.run(seq)
        this.s.bumpRev.run()
      }
      return done
    })
  }

  tokenRecord(tokenHash: string): TokenRecord | null {
    return (this.s.token.get(tokenHash) as TokenRecord | undefined) ?? null
  }

  revokeAccess(userId: string, deviceId: string | null, by: string, at: number): number {
    return this.revokeTx(userId, deviceId, by, at)
  }

  deviceRevoked(userId: string, deviceId: string): boolean {
    return this.s.deviceRevoked.get(userId, deviceId) !== undefined
  }

  touchDevices(seen: { userId: string; deviceId: string; at: number }[]): void {
    if (seen.length) this.touchTx(seen)
  }

  markWipeSent(userId: string, deviceId: string, at: number): void {
    this.s.wipeSent.run(at, userId, deviceId)
  }

  listDevices(userId: string): DeviceRecord[] {
    return (this.s.devices.all(userId) as DeviceRow[]).map((r) => ({
      deviceId: r.device_id, firstSeen: r.first_seen, lastSeen: r.last_seen, revokedAt: r.revoked_at, wipeSentAt: r.wipe_sent_at,
    }))
  }

  purgeTokens(expiredBefore: number): number {
    return this.s.purgeTokens.run(expiredBefore).changes
  }

  accessRevision(): number {
    return this.s.rev.get() as number
  }

  bumpRevision(): void {
    this.s.bumpRev.run()
  }

  purgeDocs(docs: { name: string; lastSeq: number }[], by: string, at: number): string[] {
    if (docs.length === 0) return []
    const done = this.purgeTx(docs, by, at)
    this.evictCached(done)
    return done
  }

  isPurged(name: string): boolean {
    return this.s.isPurged.get(name) !== undefined
  }

  purgedSince(after: number): PurgedDoc[] {
    const rows = this.s.purgedSince.all(after) as { name: string; seq: number; teams: string }[]
    return rows.map((r) => ({ name: r.name, seq: r.seq, teams: JSON.parse(r.teams) as string[] }))
  }

  evictCached(names: string[]): void {
    for (const n of names) this.cache.delete(n)
  }
}
