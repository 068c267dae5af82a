// POST /api/login against a real relay: atomic lockout under parallel attempts, the same answer for
// unknown and known accounts, the per-address limit, JSON only, and rehashing of an older hash.
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, JSON_TYPE, testRelay } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay

beforeAll(async () => {
  // Behind a (simulated) proxy, so each parallel attempt can come from its own address.
  relay = await testRelay({ trustProxy: true })
})
afterAll(() => relay.close())

let nextAddress = 1
const freshIp = () => `198.51.100.${nextAddress++}`

const loginAs = (username: string, password: string, ip = freshIp(), headers: Record<string, string> = JSON_TYPE) =>
  fetch(`${relay.url}/api/login`, {
    method: 'POST', headers: { ...headers, 'x-forwarded-for': ip }, body: JSON.stringify({ username, password }),
  })

describe('POST /api/login', () => {
  it('locks the account when 20 wrong passwords arrive at once (the count is kept atomically)', { timeout: 120_000 }, async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => loginAs('hope.supervisor', `Wrong-pass-${i}`)))
    expect(answers.every((r) => r.status === 401 || r.status === 429)).toBe(true)
    const user = relay.storage.userByName('hope.supervisor')!
    expect(user.failedLogins).toBeGreaterThanOrEqual(5)
    expect(user.lockedUntil).toBeGreaterThan(Date.now() + 14 * 60_000)
    expect((await loginAs('hope.supervisor', DEMO_PASSWORD)).status).toBe(429)
  })

  it('answers an unknown account exactly like a known one with a wrong password, in similar time', async () => {
    const time = async (username: string) => {
      const start = performance.now()
      const res = await loginAs(username, 'Wrong-pass-1')
      return { ms: performance.now() - start, status: res.status, body: await res.text() }
    }
    const known = [await time('dong.worker'), await time('dong.worker')]
    const unknown = [await time('no.such.user'), await time('no.such.user')]
    expect(unknown.map((a) => [a.status, a.body])).toEqual(known.map((a) => [a.status, a.body]))
    const avg = (xs: { ms: number }[]) => xs.reduce((n, x) => n + x.ms, 0) / xs.length
    // Both pay one scrypt; without the dummy hash an unknown name answers in ~1 ms instead of ~400.
    expect(avg(unknown)).toBeGreaterThan(avg(known) * 0.5)
    // Unknown names lock after 5 failures too, so a 429 does not reveal that an account exists.
    for (let i = 0; i < 3; i++) await loginAs('no.such.user', 'Wrong-pass-1')
    expect((await loginAs('no.such.user', 'Wrong-pass-1')).status).toBe(429)
  })

  it('takes application/json only', async () => {
    const body = JSON.stringify({ username: 'dong.worker', password: DEMO_PASSWORD })
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await fetch(`${relay.url}/api/login`, { method: 'POST', headers: { 'content-type': type }, body })
      expect(res.status).toBe(415)
      expect(((await res.json()) as { error: string }).error).toMatch(/application\/json/)
    }
    expect((await loginAs('dong.worker', DEMO_PASSWORD, freshIp(), { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200)
  })

  it('limits wrong logins per address; a right one does not count against it', { timeout: 120_000 }, async () => {
    const ip = '203.0.113.50'
    expect((await loginAs('dong.worker', DEMO_PASSWORD, ip)).status).toBe(200)
    const started = Date.now()
    const wrong = await Promise.all(Array.from({ length: 20 }, (_, i) => loginAs(`nobody${i}`, 'Wrong-pass-1', ip)))
    expect(wrong.map((r) => r.status)).toEqual(Array(20).fill(401))
    // 20 scrypt checks can take many seconds on a loaded machine, and the bucket refills 4 a minute:
    // count the wrong attempts still let through, and hold them to what the refill allows.
    let extra = 0
    // A new name each time, so an account lockout cannot answer in the address limit's place.
    let next = await loginAs('nobody-more-0', 'Wrong-pass-1', ip)
    while (next.status === 401 && extra < 10) {
      extra++
      next = await loginAs(`nobody-more-${extra}`, 'Wrong-pass-1', ip)
    }
    expect(next.status).toBe(429)
    expect(extra).toBeLessThanOrEqual(Math.ceil(((Date.now() - started) / 60_000) * 4) + 1)
    const limited = await loginAs('dong.worker', DEMO_PASSWORD, ip)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await loginAs('dong.worker', DEMO_PASSWORD)).status).toBe(200) // another address is not affected
  })

  it('rehashes a password stored with older scrypt parameters at the next successful login', async () => {
    const salt = crypto.randomBytes(16)
    const key = crypto.scryptSync('Older-hash-1', salt, 32, { N: 2 ** 14, r: 8, p: 1 })
    const old = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`
    relay.storage.createUser({ id: crypto.randomUUID(), username: 'old.hash', role: 'worker', team: 'hope-center', passwordHash: old, createdAt: Date.now() })
    expect((await loginAs('old.hash', 'Older-hash-1')).status).toBe(200)
    const stored = relay.storage.userByName('old.hash')!.passwordHash
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/)
    expect((await loginAs('old.hash', 'Older-hash-1')).status).toBe(200)
  })
})
