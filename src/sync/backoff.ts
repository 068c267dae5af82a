// Reconnect delays with exponential growth and FULL jitter (random in [0, min(cap, base·2^n)]),
// so many devices coming back at once spread out instead of storming the relay.

export interface BackoffOptions {
  baseMs: number
  capMs: number
  /** Uniform in [0, 1); injectable for tests. */
  random?: () => number
}

/** Upper bound of the delay for the n-th consecutive failure (n from 0). */
export function backoffCeiling(attempt: number, baseMs: number, capMs: number): number {
  // 2^30 already exceeds any sensible cap; clamping avoids Infinity for long outages.
  return Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempt, 0), 30))
}

export function backoffDelay(attempt: number, opts: BackoffOptions): number {
  const random = opts.random ?? Math.random
  return Math.floor(random() * (backoffCeiling(attempt, opts.baseMs, opts.capMs) + 1))
}

export interface Backoff {
  /** Delay before the next attempt; each call counts one more failure. */
  next(): number
  reset(): void
  readonly attempt: number
}

export function createBackoff(opts: BackoffOptions): Backoff {
  let attempt = 0
  return {
    next() {
      const d = backoffDelay(attempt, opts)
      attempt++
      return d
    },
    reset() {
      attempt = 0
    },
    get attempt() {
      return attempt
    },
  }
}
