// What one relay lets a client use: document size, bytes pushed per account and day, message rates
// (token buckets per session, account and address) and open sockets. One instance per relay, found by
// its storage, so the endpoints need nothing new from relay.ts; defaults come from the environment.
import { readLimitsConfig } from './config'
import type { LimitsConfig } from './config'
import { RateLimiter } from './rateLimit'
import type { RelayStorage } from './storage/types'

export type RateKind = 'sync' | 'yjs' | 'awareness'
/** Per account and per address, a bucket holds this many times a session's. */
const USER_FACTOR = 10
const IP_FACTOR = 50
const KST_MS = 9 * 3_600_000

const mib = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10}MB`

export const LIMIT_TEXT = {
  docTooLarge: (max: number) =>
    `사례 파일이 최대 크기(${mib(max)})를 넘게 되어 이 변경 내용을 저장하지 않았습니다. 긴 글이나 붙여 넣은 내용을 줄여 주세요.`,
  quota: (max: number) =>
    `오늘 이 계정이 보낼 수 있는 변경 분량(${mib(max)})을 넘어 저장하지 않았습니다. 관리자에게 문의하세요.`,
  rate: (seconds: number) => `요청이 너무 잦습니다. ${seconds}초 뒤에 자동으로 다시 보냅니다.`,
  connections: '연결이 너무 많습니다. 잠시 후 다시 연결하세요.',
  yjsRate: '요청이 너무 잦아 연결을 끊습니다. 잠시 후 다시 연결하세요.',
  yjsTooLarge: '문서 크기 또는 오늘의 변경 분량 한도를 넘었습니다.',
} as const

/** Close codes of /yjs refusals (and /sync connection caps). */
export const CLOSE_RATE = 4429
export const CLOSE_TOO_LARGE = 4413

interface Buckets {
  user: RateLimiter
  ip: RateLimiter
  perMinute: number
}

export type Refusal = { kind: 'doc-size' | 'quota'; message: string }

export class RelayLimits {
  private readonly buckets: Record<RateKind, Buckets>
  private readonly pushed = new Map<string, { day: number; bytes: number }>()
  private total = 0
  private readonly byIp = new Map<string, number>()
  private readonly byUser = new Map<string, number>()

  constructor(readonly config: LimitsConfig) {
    const make = (perMinute: number): Buckets => ({
      user: new RateLimiter({ capacity: perMinute * USER_FACTOR, perMinute: perMinute * USER_FACTOR, maxKeys: 100_000 }),
      ip: new RateLimiter({ capacity: perMinute * IP_FACTOR, perMinute: perMinute * IP_FACTOR, maxKeys: 100_000 }),
      perMinute,
    })
    this.buckets = { sync: make(config.syncPerMinute), yjs: make(config.yjsPerMinute), awareness: make(config.awarenessPerMinute) }
  }

  /** A bucket for one session: a minute's worth at once, then the sustained rate. */
  sessionBucket(kind: RateKind): RateLimiter {
    const perMinute = this.buckets[kind].perMinute
    return new RateLimiter({ capacity: perMinute, perMinute, maxKeys: 1 })
  }

  /** Takes one message from the session's, the account's and the address's bucket; seconds to wait, or 0. */
  take(kind: RateKind, session: RateLimiter, userId: string, ip: string, now = Date.now()): number {
    const b = this.buckets[kind]
    return session.take('', now) || b.user.take(userId, now) || b.ip.take(ip, now)
  }

  /** Per item of a push: null when it may be stored, else why not. `state` gives a document's merged bytes. */
  checkPush(userId: string, items: { name: string; update: Uint8Array }[], state: (name: string) => number, now = Date.now()): (Refusal | null)[] {
    const grown = new Map<string, number>()
    let used = this.usedToday(userId, now)
    return items.map(({ name, update }) => {
      const size = (grown.get(name) ?? state(name)) + update.byteLength
      if (size > this.config.maxDocBytes) return { kind: 'doc-size', message: LIMIT_TEXT.docTooLarge(this.config.maxDocBytes) }
      if (used + update.byteLength > this.config.userQuotaBytes) return { kind: 'quota', message: LIMIT_TEXT.quota(this.config.userQuotaBytes) }
      grown.set(name, size)
      used += update.byteLength
      return null
    })
  }

  /** Counts bytes the account pushed (stored updates) against today's quota. */
  charge(userId: string, bytes: number, now = Date.now()): void {
    const day = Math.floor((now + KST_MS) / 86_400_000)
    const cur = this.pushed.get(userId)
    this.pushed.set(userId, { day, bytes: (cur && cur.day === day ? cur.bytes : 0) + bytes })
  }

  usedToday(userId: string, now = Date.now()): number {
    const cur = this.pushed.get(userId)
    return cur && cur.day === Math.floor((now + KST_MS) / 86_400_000) ? cur.bytes : 0
  }

  /** Claims a socket slot for an address (and an account once known); null when a cap is reached. */
  connect(ip: string, userId: string): (() => void) | null {
    const c = this.config
    if (this.total >= c.maxConnections || (this.byIp.get(ip) ?? 0) >= c.maxConnectionsPerIp) return null
    if ((this.byUser.get(userId) ?? 0) >= c.maxConnectionsPerUser) return null
    this.total++
    bump(this.byIp, ip, 1)
    bump(this.byUser, userId, 1)
    let released = false
    return () => {
      if (released) return
      released = true
      this.total--
      bump(this.byIp, ip, -1)
      bump(this.byUser, userId, -1)
    }
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by
  if (n <= 0) map.delete(key)
  else map.set(key, n)
}

const byRelay = new WeakMap<RelayStorage, RelayLimits>()

/** The limits of the relay that owns `storage`: from the environment unless `setLimits` gave others. */
export function limitsFor(storage: RelayStorage): RelayLimits {
  let l = byRelay.get(storage)
  if (!l) {
    l = new RelayLimits(readLimitsConfig())
    byRelay.set(storage, l)
  }
  return l
}

/** Replaces a running relay's limits (tests; an embedding host). Counters start again. */
export function setLimits(storage: RelayStorage, config: Partial<LimitsConfig>): RelayLimits {
  const l = new RelayLimits({ ...readLimitsConfig(), ...config })
  byRelay.set(storage, l)
  return l
}
