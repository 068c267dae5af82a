// Access records (audit) and the admin log on SQLite: hash-chained appends, queries and the rows
// `audit verify` walks. Neither table is ever pruned: the relay keeps them past the legal minimum
// (개인정보의 안전성 확보조치 기준 제8조: 접속기록 ≥ 2 years; 제5조: 권한 부여·변경·말소 기록 3 years).
import type Database from 'better-sqlite3'
import { GENESIS_HASH, chainHash } from '../auditChain'
import type { ChainRow } from '../auditChain'
import type { AdminChange, AdminLogRow, AuditQuery, AuditRecord, AuditRow } from './types'

const NO_UPDATE = `CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;`

const ADMIN_LOG = `
CREATE TABLE IF NOT EXISTS admin_log (
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, by_user TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,
  detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS admin_log_at ON admin_log (at);
CREATE TRIGGER IF NOT EXISTS admin_log_no_update BEFORE UPDATE ON admin_log BEGIN SELECT RAISE(ABORT, 'admin_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS admin_log_no_delete BEFORE DELETE ON admin_log BEGIN SELECT RAISE(ABORT, 'admin_log is append-only'); END;
CREATE INDEX IF NOT EXISTS audit_user_at ON audit (user_id, at);
CREATE INDEX IF NOT EXISTS audit_at ON audit (at);`

const auditFields = (id: number, r: Required<AuditRecord>) => [id, r.userId, r.deviceId, r.at, r.ip, r.doc, r.action, r.detail]
const adminFields = (id: number, at: number, c: Required<AdminChange>) => [id, at, c.by, c.action, c.target, c.detail]

interface AuditDbRow { id: number; userId: string; deviceId: string; at: number; ip: string; doc: string; action: string; detail: string; prevHash: string; hash: string }
interface AdminDbRow { id: number; at: number; by: string; action: string; target: string; detail: string; prevHash: string; hash: string }

/**
 * Adds the device and chain columns (kept out of the numbered migrations so user/token schema work
 * can number its own), chaining rows written before them from that moment on, and the admin log.
 */
export function ensureAuditSchema(db: Database.Database): void {
  db.transaction(() => {
    const cols = (db.prepare(`SELECT name FROM pragma_table_info('audit')`).pluck().all() as string[])
    if (!cols.includes('hash')) {
      db.exec(`ALTER TABLE audit ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE audit ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
        ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
        DROP TRIGGER IF EXISTS audit_no_update;`)
      const set = db.prepare(`UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?`)
      let prev = GENESIS_HASH
      for (const r of db.prepare(`SELECT id, user_id AS userId, device_id AS deviceId, at, ip, doc, action, detail FROM audit ORDER BY id`).iterate() as IterableIterator<AuditDbRow>) {
        const hash = chainHash(prev, auditFields(r.id, r))
        set.run(prev, hash, r.id)
        prev = hash
      }
      db.exec(NO_UPDATE)
    }
    db.exec(ADMIN_LOG)
  }).immediate()
}

export class SqliteAudit {
  private readonly s
  private readonly appendTx
  private readonly adminTx

  constructor(private readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql)
    this.s = {
      lastAudit: p(`SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1`),
      insertAudit: p(`INSERT INTO audit (id, user_id, device_id, at, ip, doc, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      lastAdmin: p(`SELECT id, hash FROM admin_log ORDER BY id DESC LIMIT 1`),
      insertAdmin: p(`INSERT INTO admin_log (id, at, by_user, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      query: p(`SELECT id, user_id AS userId, device_id AS deviceId, at, ip, doc, action, detail, prev_hash AS prevHash, hash FROM audit
        WHERE (@user IS NULL OR user_id = @user) AND (@doc IS NULL OR doc = @doc) AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to) ORDER BY id`),
      admin: p(`SELECT id, at, by_user AS by, action, target, detail, prev_hash AS prevHash, hash FROM admin_log
        WHERE at >= ? AND at < ? ORDER BY id`),
      auditAfter: p(`SELECT id, user_id AS userId, device_id AS deviceId, at, ip, doc, action, detail, prev_hash AS prevHash, hash FROM audit
        WHERE id > ? ORDER BY id LIMIT ?`),
      adminAfter: p(`SELECT id, at, by_user AS by, action, target, detail, prev_hash AS prevHash, hash FROM admin_log WHERE id > ? ORDER BY id LIMIT ?`),
    }
    this.appendTx = db.transaction((records: AuditRecord[]) => {
      const last = this.s.lastAudit.get() as { id: number; hash: string } | undefined
      let id = last?.id ?? 0
      let prev = last?.hash ?? GENESIS_HASH
      for (const r of records) {
        const row = { deviceId: '', detail: '', ...r }
        const hash = chainHash(prev, auditFields(++id, row))
        this.s.insertAudit.run(id, row.userId, row.deviceId, row.at, row.ip, row.doc, row.action, row.detail, prev, hash)
        prev = hash
      }
    })
    this.adminTx = db.transaction((c: Required<AdminChange>, at: number) => {
      const last = this.s.lastAdmin.get() as { id: number; hash: string } | undefined
      const id = (last?.id ?? 0) + 1
      const prev = last?.hash ?? GENESIS_HASH
      this.s.insertAdmin.run(id, at, c.by, c.action, c.target, c.detail, prev, chainHash(prev, adminFields(id, at, c)))
    })
  }

  /**
   * Appends in one transaction. IMMEDIATE when it starts one, so the chain's last hash is read under the
   * write lock (the admin CLI writes from another process); inside a caller's transaction it nests.
   */
  append(records: AuditRecord[]): void {
    if (records.length === 0) return
    if (this.db.inTransaction) this.appendTx(records)
    else this.appendTx.immediate(records)
  }

  appendAdmin(change: AdminChange, at: number): void {
    const c = { detail: '', ...change }
    if (this.db.inTransaction) this.adminTx(c, at)
    else this.adminTx.immediate(c, at)
  }

  query(q: AuditQuery): AuditRow[] {
    return this.s.query.all({ user: q.userId ?? null, doc: q.doc ?? null, from: q.from ?? null, to: q.to ?? null }) as AuditRow[]
  }

  adminLog(from: number, to: number): AdminLogRow[] {
    return this.s.admin.all(from, to) as AdminLogRow[]
  }

  chainRows(table: 'audit' | 'admin_log', afterId: number, limit: number): ChainRow[] {
    if (table === 'audit') {
      return (this.s.auditAfter.all(afterId, limit) as AuditDbRow[]).map((r) => ({ id: r.id, prevHash: r.prevHash, hash: r.hash, fields: auditFields(r.id, r) }))
    }
    return (this.s.adminAfter.all(afterId, limit) as AdminDbRow[]).map((r) => ({ id: r.id, prevHash: r.prevHash, hash: r.hash, fields: adminFields(r.id, r.at, r) }))
  }
}
