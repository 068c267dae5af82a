// Accounts: password policy, scrypt hashing, opaque session tokens (stored hashed) and login lockout.
import crypto from 'node:crypto'
import { promisify } from 'node:util'
import type { RelayStorage, UserRecord } from './storage/types'

const scrypt = promisify(crypto.scrypt) as (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 96 * 1024 * 1024 }
const KEY_LEN = 32
export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MS = 15 * 60 * 1000

/** Bilingual reason a password is refused, or null when it meets the policy (8+ chars, 2+ kinds). */
export function passwordProblem(password: string): string | null {
  if (password.length < 8 || password.length > 256) {
    return '비밀번호는 8자 이상 256자 이하여야 합니다. (Password must be 8–256 characters.)'
  }
  const kinds = [/[A-Za-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  if (kinds < 2) {
    return '비밀번호는 영문자·숫자·특수문자 중 두 종류 이상을 섞어야 합니다. (Use at least two of letters, digits, symbols.)'
  }
  return null
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16)
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LEN, SCRYPT)
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$')
  if (alg !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem,
  })
  return crypto.timingSafeEqual(actual, expected)
}

export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex')

export type LoginResult =
  | { ok: true; token: string; user: UserRecord }
  | { ok: false; status: 401 | 429; error: string }
  | { ok: false; status: 403; error: string; code: 'device-revoked'; userId: string }

/**
 * What a presented token is worth: a session, a device to wipe (an admin revoked the token or the
 * device), or nothing (unknown, expired, deleted, or issued to another device: the device keeps its data).
 */
export type TokenCheck =
  | { kind: 'ok'; user: UserRecord; tokenHash: string; expiresAt: number }
  | { kind: 'wipe'; userId: string }
  | { kind: 'unauthorized' }

const BAD_LOGIN = '아이디 또는 비밀번호가 맞지 않습니다.'
const LOCKED = '로그인 실패가 반복되어 15분 동안 잠겼습니다. 잠시 후 다시 시도하세요.'
const DEVICE_REVOKED = '관리자가 이 기기의 접근을 해지했습니다. 이 기기에서는 로그인할 수 없습니다.'
const UNAUTHORIZED: TokenCheck = { kind: 'unauthorized' }
// Hash once so unknown usernames cost the same time as wrong passwords.
let dummyHash: Promise<string> | null = null

export class Auth {
  constructor(private readonly storage: RelayStorage, private readonly tokenTtlSeconds: number) {}

  /** `deviceId` (the device's random id) binds the token to that device; a revoked device is refused. */
  async login(username: string, password: string, now = Date.now(), deviceId = ''): Promise<LoginResult> {
    const user = this.storage.userByName(username)
    if (!user) {
      dummyHash ??= hashPassword('dummy-password-1')
      await verifyPassword(password, await dummyHash)
      return { ok: false, status: 401, error: BAD_LOGIN }
    }
    if (user.lockedUntil > now) return { ok: false, status: 429, error: LOCKED }
    if (!(await verifyPassword(password, user.passwordHash))) {
      const failed = user.failedLogins + 1
      const locked = failed >= MAX_FAILED_LOGINS
      this.storage.setLoginFailures(user.id, locked ? 0 : failed, locked ? now + LOCKOUT_MS : 0)
      return locked ? { ok: false, status: 429, error: LOCKED } : { ok: false, status: 401, error: BAD_LOGIN }
    }
    if (user.failedLogins > 0 || user.lockedUntil > 0) this.storage.setLoginFailures(user.id, 0, 0)
    if (deviceId && this.storage.deviceRevoked(user.id, deviceId)) {
      return { ok: false, status: 403, error: DEVICE_REVOKED, code: 'device-revoked', userId: user.id }
    }
    const token = crypto.randomBytes(32).toString('base64url')
    this.storage.insertToken(hashToken(token), user.id, now + this.tokenTtlSeconds * 1000, deviceId)
    return { ok: true, token, user }
  }

  /** The user a token belongs to, or null when it is unknown, expired or revoked. */
  userForToken(token: string, now = Date.now()): UserRecord | null {
    if (!token || token.length > 200) return null
    const id = this.storage.tokenUser(hashToken(token), now)
    return id ? this.storage.userById(id) : null
  }

  /** Judges a token presented by `deviceId` ('' when the channel names no device, like /yjs). */
  check(token: string, deviceId: string, now = Date.now()): TokenCheck {
    if (!token || token.length > 200) return UNAUTHORIZED
    return this.checkHash(hashToken(token), deviceId, now)
  }

  checkHash(tokenHash: string, deviceId: string, now = Date.now()): TokenCheck {
    const t = this.storage.tokenRecord(tokenHash)
    if (!t) return UNAUTHORIZED
    // Revocation wins over expiry: a lost device that comes back after its token expired is still wiped.
    if (t.revokedAt !== null) return { kind: 'wipe', userId: t.userId }
    // Tokens issued to a revoked device are revoked with it; this catches one issued without a device id.
    if (deviceId && this.storage.deviceRevoked(t.userId, deviceId)) return { kind: 'wipe', userId: t.userId }
    if (t.deviceId && deviceId && t.deviceId !== deviceId) return UNAUTHORIZED
    if (t.expiresAt <= now) return UNAUTHORIZED
    const user = this.storage.userById(t.userId)
    return user ? { kind: 'ok', user, tokenHash, expiresAt: t.expiresAt } : UNAUTHORIZED
  }
}
