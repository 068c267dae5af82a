// Token buckets by key (a client address for /api/login): `capacity` attempts at once, refilled at
// `perMinute`. In memory only: a restart forgets them, which the per-account lockout (kept in SQLite)
// does not. The map is bounded so a flood of addresses cannot grow it without end.
export interface BucketOptions {
  capacity: number
  perMinute: number
  maxKeys?: number
}

interface Bucket {
  tokens: number
  at: number
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()

  constructor(private readonly opts: BucketOptions) {}

  private current(key: string, now: number): Bucket {
    const b = this.buckets.get(key) ?? { tokens: this.opts.capacity, at: now }
    const refill = ((now - b.at) / 60_000) * this.opts.perMinute
    const next = { tokens: Math.min(this.opts.capacity, b.tokens + refill), at: now }
    this.buckets.delete(key) // re-inserted below: the map keeps least recently used first
    return next
  }

  /** Takes one attempt; returns 0 when allowed, else the seconds until one is available. */
  take(key: string, now = Date.now()): number {
    const b = this.current(key, now)
    if (b.tokens >= 1) {
      b.tokens -= 1
      this.store(key, b)
      return 0
    }
    this.store(key, b)
    return Math.max(1, Math.ceil(((1 - b.tokens) * 60) / this.opts.perMinute))
  }

  /** Gives an attempt back (a successful login does not count against the address). */
  refund(key: string, now = Date.now()): void {
    const b = this.current(key, now)
    b.tokens = Math.min(this.opts.capacity, b.tokens + 1)
    this.store(key, b)
  }

  private store(key: string, b: Bucket): void {
    this.buckets.set(key, b)
    const max = this.opts.maxKeys ?? 10_000
    while (this.buckets.size > max) this.buckets.delete(this.buckets.keys().next().value as string)
  }
}
