// SQLite schema of the relay. The update log is append-only; audit rows cannot be changed or deleted.
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v INTEGER NOT NULL);
INSERT OR IGNORE INTO meta (k, v) VALUES ('seq', 0), ('schema', 1);
CREATE TABLE IF NOT EXISTS teams (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL, team TEXT NOT NULL,
  password_hash TEXT NOT NULL, failed_logins INTEGER NOT NULL DEFAULT 0, locked_until INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS tokens_user ON tokens (user_id);
CREATE TABLE IF NOT EXISTS docs (
  name TEXT PRIMARY KEY, kind TEXT NOT NULL, owner_team TEXT NOT NULL, created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL, last_seq INTEGER NOT NULL, snapshot BLOB, snapshot_seq INTEGER NOT NULL DEFAULT 0,
  pending INTEGER NOT NULL DEFAULT 0, pruned_seq INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS docs_pending ON docs (pending);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY, doc TEXT NOT NULL, data BLOB NOT NULL, user_id TEXT NOT NULL,
  device_id TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS updates_doc ON updates (doc, seq);
CREATE TABLE IF NOT EXISTS doc_access (
  doc TEXT NOT NULL, team TEXT NOT NULL, kind TEXT NOT NULL, doc_kind TEXT NOT NULL,
  granted_seq INTEGER NOT NULL, feed_seq INTEGER NOT NULL, PRIMARY KEY (doc, team));
CREATE INDEX IF NOT EXISTS doc_access_feed ON doc_access (team, feed_seq);
CREATE TABLE IF NOT EXISTS access_changes (
  id INTEGER PRIMARY KEY, doc TEXT NOT NULL, kind TEXT NOT NULL, from_team TEXT NOT NULL, to_team TEXT NOT NULL,
  by_user TEXT NOT NULL, at INTEGER NOT NULL, seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS access_changes_doc ON access_changes (doc);
CREATE TABLE IF NOT EXISTS revocations (seq INTEGER NOT NULL, doc TEXT NOT NULL, team TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS revocations_team ON revocations (team, seq);
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY, user_id TEXT NOT NULL, at INTEGER NOT NULL, ip TEXT NOT NULL, doc TEXT NOT NULL,
  action TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_doc ON audit (doc);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
`

/**
 * Schema upgrades, applied in order above meta 'schema'. 2: tokens bound to a device and revocable
 * (kept past expiry so a lost device can still be told to wipe), devices, purged documents, the
 * revision counter a running relay polls, and a detail column for admin audit entries.
 */
export const MIGRATIONS: readonly string[] = [
  `ALTER TABLE tokens ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
  ALTER TABLE tokens ADD COLUMN revoked_at INTEGER;
  CREATE INDEX tokens_expiry ON tokens (expires_at);
  CREATE TABLE devices (
    user_id TEXT NOT NULL, device_id TEXT NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL,
    revoked_at INTEGER, revoked_by TEXT, wipe_sent_at INTEGER, PRIMARY KEY (user_id, device_id));
  CREATE TABLE purged_docs (name TEXT PRIMARY KEY, seq INTEGER NOT NULL, at INTEGER NOT NULL, by_user TEXT NOT NULL);
  ALTER TABLE audit ADD COLUMN detail TEXT NOT NULL DEFAULT '';
  INSERT OR IGNORE INTO meta (k, v) VALUES ('access_rev', 0);`,
  // 3: accounts that must change an admin-set password, disabled accounts, and each token's last use
  // (idle expiry, 개인정보의 안전성 확보조치 기준 제6조④); tokens in use at the upgrade count as used now.
  `ALTER TABLE users ADD COLUMN must_change INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE tokens ADD COLUMN last_used INTEGER NOT NULL DEFAULT 0;
  UPDATE tokens SET last_used = CAST(strftime('%s', 'now') AS INTEGER) * 1000;`,
  // 4: each document's list summary for its newest state (src/domain/relaySummary.ts), sent beside the
  // whole state in a first sync; replaced or cleared with every update, so it never describes an older one.
  `ALTER TABLE docs ADD COLUMN summary TEXT;`,
  // 5: what allowed each provision of a case file to another team (consent:<id>, ssa-15), issue 9.
  `ALTER TABLE access_changes ADD COLUMN basis TEXT NOT NULL DEFAULT '';`,
]
