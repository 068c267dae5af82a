import { describe, expect, it } from 'vitest'
import { backoffCeiling, backoffDelay, createBackoff } from '../../../src/sync/backoff'

describe('backoff with full jitter', () => {
  const base = 500
  const cap = 30_000

  it('stays within [0, min(cap, base·2^n)] for every attempt, at both ends of random', () => {
    for (let n = 0; n < 40; n++) {
      const ceil = Math.min(cap, base * 2 ** n)
      expect(backoffCeiling(n, base, cap)).toBe(ceil)
      expect(backoffDelay(n, { baseMs: base, capMs: cap, random: () => 0 })).toBe(0)
      const top = backoffDelay(n, { baseMs: base, capMs: cap, random: () => 0.999999999 })
      expect(top).toBeLessThanOrEqual(ceil)
      expect(top).toBeGreaterThanOrEqual(ceil - 1)
    }
  })

  it('never overflows after a very long outage', () => {
    expect(backoffCeiling(5000, base, cap)).toBe(cap)
    expect(Number.isFinite(backoffDelay(5000, { baseMs: base, capMs: cap }))).toBe(true)
  })

  it('spreads delays across the whole window (not clustered near the ceiling)', () => {
    const n = 4 // ceiling 8000 ms
    const samples = Array.from({ length: 2000 }, () => backoffDelay(n, { baseMs: base, capMs: cap }))
    const ceil = backoffCeiling(n, base, cap)
    const buckets = [0, 0, 0, 0]
    for (const s of samples) {
      expect(s).toBeGreaterThanOrEqual(0)
      expect(s).toBeLessThanOrEqual(ceil)
      buckets[Math.min(3, Math.floor((s / (ceil + 1)) * 4))]! += 1
    }
    // Uniform: each quarter holds about 500 of 2000; 350 is far outside chance.
    for (const b of buckets) expect(b).toBeGreaterThan(350)
  })

  it('grows per failure and resets', () => {
    const b = createBackoff({ baseMs: 100, capMs: 1000, random: () => 0.999999 })
    expect([b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([100, 200, 400, 800, 1000])
    expect(b.attempt).toBe(5)
    b.reset()
    expect(b.next()).toBe(100)
  })
})
