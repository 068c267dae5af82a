// Accounts: logins with lockout, opaque session tokens (stored hashed, bound to a device, with an
// absolute and an idle expiry), password changes. Hashing is passwordHash.ts, the rules passwordPolicy.ts.
import crypto from 'node:crypto'
import { readTokenIdleSeconds } from './config'
import { hashPassword, needsRehash, SCRYPT, verifyPassword } from './passwordHash'
import { checkPassword, passwordProblemKo, passwordProblemText } from './passwordPolicy'
import type { PasswordProblem } from './passwordPolicy'
import { RateLimiter } from './rateLimit'
import type { RelayStorage, UserRecord } from './storage/types'

export { hashPassword, verifyPassword } from './passwordHash'
// 개인정보의 안전성 확보조치 기준 제5조⑥: repeated failures limit access (5 failures → 15 minutes).
export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MS = 15 * 60 * 1000
/** Wrong logins one address may try before it waits (a login that succeeds gives its attempt back). */
export const IP_LOGIN_BURST = 20
export const IP_LOGINS_PER_MINUTE = 4

/** Bilingual reason a password is refused (admin CLI), or null when it meets the policy. */
export function passwordProblem(password: string, username = ''): string | null {
  const problem = checkPassword(password, username)
  return problem ? passwordProblemText(problem) : null
}

export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex')

export type LoginResult =
  | { ok: true; token: string; user: UserRecord; mustChangePassword: boolean }
  | { ok: false; status: 401 | 429; error: string }
  | { ok: false; status: 403; error: string; code: 'device-revoked'; userId: string }

export type PasswordChangeResult =
  | { ok: true }
  | { ok: false; status: 400; error: string; code: 'password-policy'; problem: PasswordProblem }
  | { ok: false; status: 403; error: string; code: 'wrong-password' }
  | { ok: false; status: 429; error: string }

/**
 * What a presented token is worth: a session, a device to wipe (an admin revoked the token or the
 * device), or nothing (unknown, expired, idle too long, deleted, disabled, or issued to another
 * device: the device keeps its data). A session of a user who must change the password is 'ok' here;
 * every endpoint but POST /api/password refuses it (`user.mustChangePassword`).
 */
export type TokenCheck =
  | { kind: 'ok'; user: UserRecord; tokenHash: string; expiresAt: number }
  | { kind: 'wipe'; userId: string }
  | { kind: 'unauthorized' }

export const BAD_LOGIN = '아이디 또는 비밀번호가 맞지 않습니다.'
export const LOCKED = '로그인 실패가 반복되어 15분 동안 잠겼습니다. 잠시 후 다시 시도하세요.'
export const MUST_CHANGE = '관리자가 정한 임시 비밀번호입니다. 비밀번호를 바꾼 뒤에 사용할 수 있습니다.'
const DEVICE_REVOKED = '관리자가 이 기기의 접근을 해지했습니다. 이 기기에서는 로그인할 수 없습니다.'
const WRONG_CURRENT = '지금 비밀번호가 맞지 않습니다.'
const UNAUTHORIZED: TokenCheck = { kind: 'unauthorized' }
// Unknown usernames are checked against this (random, matching nothing) with today's parameters, so
// they cost the same scrypt as a wrong password.
const DUMMY_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${crypto.randomBytes(16).toString('base64')}$${crypto.randomBytes(32).toString('base64')}`
// Last use is written at most this often per token, so a busy session costs few writes.
const TOUCH_RESOLUTION_MS = 60_000

export class Auth {
  readonly idleMs: number
  /** Per client address on POST /api/login (api.ts takes and refunds). */
  readonly loginLimiter = new RateLimiter({ capacity: IP_LOGIN_BURST, perMinute: IP_LOGINS_PER_MINUTE })
  // Unknown usernames "lock" like real ones, so a 429 does not tell that an account exists.
  private readonly unknownFailures = new Map<string, { failed: number; lockedUntil: number }>()

  constructor(
    private readonly storage: RelayStorage,
    private readonly tokenTtlSeconds: number,
    idleSeconds = readTokenIdleSeconds(process.env),
  ) {
    this.idleMs = idleSeconds * 1000
  }

  /** `deviceId` (the device's random id) binds the token to that device; a revoked device is refused. */
  async login(username: string, password: string, now = Date.now(), deviceId = ''): Promise<LoginResult> {
    const user = this.storage.userByName(username)
    if (!user) return this.unknownLogin(username, password, now)
    if (user.lockedUntil > now) return { ok: false, status: 429, error: LOCKED }
    const right = await verifyPassword(password, user.passwordHash)
    if (!right) {
      const after = this.storage.recordLoginFailure(user.id, now, MAX_FAILED_LOGINS, LOCKOUT_MS)
      return after.lockedUntil > now ? { ok: false, status: 429, error: LOCKED } : { ok: false, status: 401, error: BAD_LOGIN }
    }
    // A parallel wrong attempt may have locked the account while this one was hashing.
    if (!this.storage.loginSucceeded(user.id, now)) return { ok: false, status: 429, error: LOCKED }
    if (user.disabled) return { ok: false, status: 401, error: BAD_LOGIN }
    if (deviceId && this.storage.deviceRevoked(user.id, deviceId)) {
      return { ok: false, status: 403, error: DEVICE_REVOKED, code: 'device-revoked', userId: user.id }
    }
    if (needsRehash(user.passwordHash)) this.storage.setPasswordHash(user.id, await hashPassword(password))
    const token = crypto.randomBytes(32).toString('base64url')
    // The lifetime counts from issue, after the (slow) hashing above.
    const issuedAt = Math.max(now, Date.now())
    this.storage.insertToken(hashToken(token), user.id, issuedAt + this.tokenTtlSeconds * 1000, deviceId)
    return { ok: true, token, user, mustChangePassword: user.mustChangePassword }
  }

  private async unknownLogin(username: string, password: string, now: number): Promise<LoginResult> {
    const key = username.toLowerCase()
    const seen = this.unknownFailures.get(key)
    if (seen && seen.lockedUntil > now) return { ok: false, status: 429, error: LOCKED }
    await verifyPassword(password, DUMMY_HASH)
    const failed = seen && seen.lockedUntil === 0 ? seen.failed + 1 : 1
    const lockedUntil = failed >= MAX_FAILED_LOGINS ? now + LOCKOUT_MS : 0
    this.unknownFailures.delete(key)
    this.unknownFailures.set(key, { failed, lockedUntil })
    if (this.unknownFailures.size > 10_000) this.unknownFailures.delete(this.unknownFailures.keys().next().value as string)
    return lockedUntil ? { ok: false, status: 429, error: LOCKED } : { ok: false, status: 401, error: BAD_LOGIN }
  }

  /**
   * The user behind `tokenHash` changes their own password: the current one is checked (a wrong one
   * counts as a failed login), the new one must meet the policy, and every other session ends.
   */
  async changePassword(tokenHash: string, user: UserRecord, current: string, next: string, now = Date.now()): Promise<PasswordChangeResult> {
    const problem = checkPassword(next, user.username) ?? (next === current ? 'same' : null)
    if (problem) return { ok: false, status: 400, error: passwordProblemKo(problem), code: 'password-policy', problem }
    if (user.lockedUntil > now) return { ok: false, status: 429, error: LOCKED }
    if (!(await verifyPassword(current, user.passwordHash))) {
      const after = this.storage.recordLoginFailure(user.id, now, MAX_FAILED_LOGINS, LOCKOUT_MS)
      if (after.lockedUntil > now) return { ok: false, status: 429, error: LOCKED }
      return { ok: false, status: 403, error: WRONG_CURRENT, code: 'wrong-password' }
    }
    this.storage.setPasswordHash(user.id, await hashPassword(next), false)
    this.storage.revokeOtherTokens(user.id, tokenHash)
    return { ok: true }
  }

  /** Logout: the token stops working everywhere (open sockets end within a second); false if unknown. */
  logout(token: string): boolean {
    if (!token || token.length > 200) return false
    return this.storage.deleteToken(hashToken(token))
  }

  /** Activity on a session: pushes its idle expiry back. */
  touch(tokenHash: string, now = Date.now()): void {
    this.storage.touchToken(tokenHash, now, Math.min(TOUCH_RESOLUTION_MS, this.idleMs / 10))
  }

  /** The user a token belongs to (counting as activity), or null when it is unknown, expired, idle or revoked. */
  userForToken(token: string, now = Date.now()): UserRecord | null {
    const check = this.check(token, '', now)
    if (check.kind !== 'ok') return null
    this.touch(check.tokenHash, now)
    return check.user
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
    // 개인정보의 안전성 확보조치 기준 제6조④: a session unused for TOKEN_IDLE_SECONDS is cut off.
    if (t.lastUsedAt + this.idleMs <= now) return UNAUTHORIZED
    const user = this.storage.userById(t.userId)
    return user && !user.disabled ? { kind: 'ok', user, tokenHash, expiresAt: t.expiresAt } : UNAUTHORIZED
  }

  /** When an open session with this last activity ends for idleness. */
  idleUntil(now = Date.now()): number {
    return now + this.idleMs
  }
}
