// The relay session of the unlocked user: the token lives in memory while unlocked and sealed in
// that user's store otherwise; the sync engine reads it synchronously. A missing or expired token
// never blocks offline work.
import { useSyncExternalStore } from 'react'

// The store (Dexie, Yjs) loads after the lock screen: only these two calls are needed from it here.
const getSession = async <T,>(): Promise<T | undefined> => (await import('../store/storageMeta')).getSession<T>()
const setSession = async (session: unknown): Promise<void> => (await import('../store/storageMeta')).setSession(session)

export type Role = 'worker' | 'supervisor' | 'volunteer' | 'admin'

export interface SessionUser {
  id: string
  username: string
  role: Role
  team: string
}

export interface Session {
  token: string
  user: SessionUser
  /** ISO instant of the login; the relay decides expiry and answers loginRequired. */
  loggedInAt: string
  /** An administrator set this password: the token only allows changing it (POST /api/password). */
  mustChangePassword?: boolean
}

export type LoginErrorCode = 'missing' | 'credentials' | 'locked' | 'network' | 'server' | 'otherUser' | 'revoked'

export class LoginError extends Error {
  readonly code: LoginErrorCode
  constructor(code: LoginErrorCode) {
    super(`login failed: ${code}`)
    this.name = 'LoginError'
    this.code = code
  }
}

let current: Session | null = null
const listeners = new Set<() => void>()

function publish(next: Session | null): void {
  current = next
  for (const l of [...listeners]) l()
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false
  const s = value as Partial<Session>
  return typeof s.token === 'string' && typeof s.user === 'object' && s.user !== null && typeof s.user.username === 'string'
}

/** Asks the relay for a token bound to this device; stores nothing. */
export async function requestSession(
  username: string,
  password: string,
  deviceId: string,
  fetchImpl: typeof fetch = fetch,
): Promise<Session> {
  if (!username.trim() || !password) throw new LoginError('missing')
  let res: Response
  try {
    res = await fetchImpl('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: username.trim(), password, deviceId }),
    })
  } catch {
    throw new LoginError('network')
  }
  if (res.status === 401) throw new LoginError('credentials')
  if (res.status === 429 || res.status === 423) throw new LoginError('locked')
  if (res.status === 403) throw new LoginError('revoked')
  if (!res.ok) throw new LoginError('server')
  const body: unknown = await res.json().catch(() => null)
  const candidate = { ...(body as object), loggedInAt: new Date().toISOString() }
  if (!isSession(candidate)) throw new LoginError('server')
  const session: Session = { token: candidate.token, user: candidate.user, loggedInAt: candidate.loggedInAt }
  if ((body as { mustChangePassword?: unknown }).mustChangePassword === true) session.mustChangePassword = true
  return session
}

/** The relay's policy problems (POST /api/password), plus what the form itself checks. */
export type PasswordChangeErrorCode =
  | 'length' | 'kinds' | 'common' | 'username' | 'same' | 'mismatch' | 'wrongCurrent' | 'locked' | 'network' | 'server' | 'session'

export class PasswordChangeError extends Error {
  readonly code: PasswordChangeErrorCode
  constructor(code: PasswordChangeErrorCode) {
    super(`password change failed: ${code}`)
    this.name = 'PasswordChangeError'
    this.code = code
  }
}

const POLICY_PROBLEMS = ['length', 'kinds', 'common', 'username', 'same'] as const

/** Changes the user's password on the relay with their token; the relay ends their other sessions. */
export async function changePasswordOnRelay(token: string, current: string, next: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  let res: Response
  try {
    res = await fetchImpl('/api/password', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ current, next }),
    })
  } catch {
    throw new PasswordChangeError('network')
  }
  if (res.ok) return
  const body = (await res.json().catch(() => null)) as { code?: string; problem?: string } | null
  const problem = POLICY_PROBLEMS.find((p) => p === body?.problem)
  if (res.status === 400 && problem) throw new PasswordChangeError(problem)
  if (res.status === 403 && body?.code === 'wrong-password') throw new PasswordChangeError('wrongCurrent')
  if (res.status === 429) throw new PasswordChangeError('locked')
  if (res.status === 401) throw new PasswordChangeError('session')
  throw new PasswordChangeError('server')
}

/** First sign-in with a password an administrator set: it must be changed before the app opens. */
export class MustChangePasswordError extends Error {
  constructor(readonly session: Session) {
    super('password must be changed')
    this.name = 'MustChangePasswordError'
  }
}

/** Reads the sealed session of the store just unlocked. */
export async function loadSession(): Promise<Session | null> {
  const stored = await getSession<unknown>().catch(() => undefined)
  publish(isSession(stored) ? stored : null)
  return current
}

/** Keeps a new session (sealed in the user's store) and hands its token to the sync engine. */
export async function keepSession(session: Session): Promise<void> {
  await setSession(session)
  publish(session)
}

/** Drops the token from memory (lock, logout). The sealed copy stays unless the store is wiped. */
export function forgetSession(): void {
  publish(null)
}

/** Best effort: ends the token on the relay too. Offline, the relay forgets it at expiry. */
export async function endSessionOnRelay(session: Session | null, fetchImpl: typeof fetch = fetch): Promise<void> {
  if (!session) return
  try {
    await fetchImpl('/api/logout', { method: 'POST', headers: { authorization: `Bearer ${session.token}` } })
  } catch {
    // offline: nothing to do
  }
}

/** The token for the sync engine (synchronous; null while locked or before login). */
export function currentToken(): string | null {
  return current?.token ?? null
}

export function currentSession(): Session | null {
  return current
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, currentSession, currentSession)
}
