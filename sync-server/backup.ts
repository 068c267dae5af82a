// Encrypted online backups of the relay database and their restore. The copy is taken with SQLite's
// online backup API (consistent while the relay runs), then sealed with AES-256-GCM under a key from
// BACKUP_KEY (32 bytes, hex or base64) or from a passphrase read on stdin through scrypt.
// File: "DOUMBK01" | kdf (1 = BACKUP_KEY, 2 = scrypt) | salt 16 | iv 12 | ciphertext | tag 16;
// the 37-byte header is the additional data, so it cannot be swapped either.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import Database from 'better-sqlite3'
import { DB_FILE } from './storage/fileModes'

const MAGIC = Buffer.from('DOUMBK01')
const HEADER_BYTES = MAGIC.length + 1 + 16 + 12
const TAG_BYTES = 16
const KDF_KEY = 1
const KDF_SCRYPT = 2
/** scrypt for passphrases: 128 MiB, about half a second; a backup is opened rarely. */
const SCRYPT = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 }
export const MIN_PASSPHRASE = 12

export class BackupError extends Error {}

export type BackupSecret = { kind: 'key'; key: Buffer } | { kind: 'passphrase'; passphrase: string }

export function keyFromEnv(raw: string | undefined): Buffer | null {
  if (!raw) return null
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64')
  if (key.length !== 32) throw new BackupError('BACKUP_KEY는 32바이트(16진수 64자 또는 base64)여야 합니다. BACKUP_KEY must be 32 bytes (64 hex chars or base64).')
  return key
}

export function checkPassphrase(passphrase: string): string {
  if (passphrase.length < MIN_PASSPHRASE) throw new BackupError(`암호 문구는 ${MIN_PASSPHRASE}자 이상이어야 합니다. Passphrase: ${MIN_PASSPHRASE}+ characters.`)
  return passphrase
}

function deriveKey(secret: BackupSecret, kdf: number, salt: Buffer): Buffer {
  if (kdf === KDF_KEY && secret.kind === 'key') return secret.key
  if (kdf === KDF_SCRYPT && secret.kind === 'passphrase') return crypto.scryptSync(secret.passphrase.normalize('NFC'), salt, 32, SCRYPT)
  throw new BackupError(kdf === KDF_KEY
    ? '이 백업은 BACKUP_KEY로 암호화되었습니다. This backup was sealed with BACKUP_KEY.'
    : '이 백업은 암호 문구로 암호화되었습니다 (--passphrase-stdin). This backup was sealed with a passphrase.')
}

/** Consistent copy of DATA_DIR's database, sealed into `file` (mode 0600). Safe while the relay runs. */
export async function backupTo(dataDir: string, file: string, secret: BackupSecret): Promise<number> {
  const plain = path.join(dataDir, `.backup-${process.pid}.tmp`)
  const out = `${file}.tmp`
  fs.closeSync(fs.openSync(plain, 'w', 0o600))
  try {
    const db = new Database(path.join(dataDir, DB_FILE), { readonly: true, fileMustExist: true })
    try {
      await db.backup(plain)
    } finally {
      db.close()
    }
    const kdf = secret.kind === 'key' ? KDF_KEY : KDF_SCRYPT
    const salt = crypto.randomBytes(16)
    const iv = crypto.randomBytes(12)
    const header = Buffer.concat([MAGIC, Buffer.from([kdf]), salt, iv])
    const cipher = crypto.createCipheriv('aes-256-gcm', deriveKey(secret, kdf, salt), iv).setAAD(header)
    fs.writeFileSync(out, header, { mode: 0o600 })
    await pipeline(fs.createReadStream(plain), cipher, fs.createWriteStream(out, { flags: 'a' }))
    fs.appendFileSync(out, cipher.getAuthTag())
    fs.renameSync(out, file)
    return fs.statSync(file).size
  } finally {
    fs.rmSync(plain, { force: true })
    fs.rmSync(out, { force: true })
  }
}

/** Opens a backup into `target` (mode 0600) and checks it is a sound SQLite database. */
export async function decryptBackup(file: string, target: string, secret: BackupSecret): Promise<void> {
  const size = fs.statSync(file).size
  const fd = fs.openSync(file, 'r')
  const header = Buffer.alloc(HEADER_BYTES)
  const tag = Buffer.alloc(TAG_BYTES)
  try {
    if (size < HEADER_BYTES + TAG_BYTES || fs.readSync(fd, header, 0, HEADER_BYTES, 0) !== HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new BackupError('도움 백업 파일이 아닙니다. Not a Doum backup file.')
    }
    fs.readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES)
  } finally {
    fs.closeSync(fd)
  }
  const kdf = header[MAGIC.length]!
  const salt = header.subarray(MAGIC.length + 1, MAGIC.length + 17)
  const iv = header.subarray(MAGIC.length + 17)
  const decipher = crypto.createDecipheriv('aes-256-gcm', deriveKey(secret, kdf, salt), iv).setAAD(header).setAuthTag(tag)
  fs.closeSync(fs.openSync(target, 'w', 0o600))
  try {
    await pipeline(fs.createReadStream(file, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 }), decipher, fs.createWriteStream(target))
  } catch {
    fs.rmSync(target, { force: true })
    throw new BackupError('열 수 없습니다: 키나 암호 문구가 틀렸거나 파일이 손상되었습니다. Cannot open: wrong key or passphrase, or a damaged file.')
  }
  const db = new Database(target, { readonly: true })
  try {
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new BackupError('복원한 데이터베이스가 손상되었습니다. The restored database is damaged.')
  } finally {
    db.close()
  }
}

/**
 * Replaces DATA_DIR's database with the backup's (the relay must be stopped). The replaced files are
 * kept as relay.sqlite.before-restore-<time> for the operator to check and then delete.
 */
export async function restoreFrom(dataDir: string, file: string, secret: BackupSecret): Promise<string> {
  const target = path.join(dataDir, DB_FILE)
  const incoming = `${target}.restoring`
  await decryptBackup(file, incoming, secret)
  const kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, kept + suffix)
  }
  fs.renameSync(incoming, target)
  return kept
}
