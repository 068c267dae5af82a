// The relay session: log in over HTTP, keep the token (in the store's meta table) and expose it
// synchronously to the sync engine. A missing or expired token never blocks offline work.
import { useSyncExternalStore } from 'react'
import { getSession, setSession } from '../store'

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
}

export type LoginErrorCode = 'missing' | 'credentials' | 'locked' | 'network' | 'server'

export class LoginError extends Error {
  readonly code: LoginErrorCode
  constructor(code: LoginErrorCode) {
    super(`login failed: ${code}`)
    this.name = 'LoginError'
    this.code = code
  }
}

let current: Session | null = null
let loaded: Promise<Session | null> | undefined
const listeners = new Set<() => void>()

function publish(next: Session | null): void {
  current = next
  for (const l of [...listeners]) l()
}

// Other tabs (one of them runs the sync engine) learn of a login or logout and re-read the store.
const SESSION_CHANNEL = 'doum-session'
let channel: BroadcastChannel | null | undefined

function sessionChannel(): BroadcastChannel | null {
  if (channel !== undefined) return channel
  channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(SESSION_CHANNEL)
  if (channel) {
    // Node's channel would keep a test process alive; browsers have no unref.
    ;(channel as { unref?: () => void }).unref?.()
    channel.onmessage = () => {
      void getSession<unknown>().then((stored) => publish(isSession(stored) ? stored : null), () => undefined)
    }
  }
  return channel
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false
  const s = value as Partial<Session>
  return typeof s.token === 'string' && typeof s.user === 'object' && s.user !== null && typeof s.user.username === 'string'
}

/** Reads the stored session once per page; later calls return the same answer. */
export function loadSession(): Promise<Session | null> {
  sessionChannel()
  loaded ??= getSession<unknown>().then(
    (stored) => {
      if (current === null && isSession(stored)) publish(stored)
      return current
    },
    () => current,
  )
  return loaded
}

/** The token for the sync engine (synchronous; null before login or after logout). */
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

export async function login(username: string, password: string, fetchImpl: typeof fetch = fetch): Promise<Session> {
  if (!username.trim() || !password) throw new LoginError('missing')
  let res: Response
  try {
    res = await fetchImpl('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: username.trim(), password }),
    })
  } catch {
    throw new LoginError('network')
  }
  if (res.status === 401) throw new LoginError('credentials')
  if (res.status === 429 || res.status === 423) throw new LoginError('locked')
  if (!res.ok) throw new LoginError('server')
  const body: unknown = await res.json().catch(() => null)
  const candidate = { ...(body as object), loggedInAt: new Date().toISOString() }
  if (!isSession(candidate)) throw new LoginError('server')
  const session: Session = { token: candidate.token, user: candidate.user, loggedInAt: candidate.loggedInAt }
  await setSession(session)
  publish(session)
  sessionChannel()?.postMessage('changed')
  return session
}

/** Forgets the token on this device; the outbox and case files stay. */
export async function logout(): Promise<void> {
  await setSession(null)
  publish(null)
  sessionChannel()?.postMessage('changed')
}
