// Access records behind a reverse proxy: the client's address comes from X-Forwarded-For only when
// the relay is told to trust its proxy (TRUST_PROXY=1), and then only the entry the proxy appended.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readConfig } from '../../../sync-server/config'
import { DEMO_PASSWORD, Device, testRelay } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let direct: Relay
let proxied: Relay

beforeAll(async () => {
  direct = await testRelay()
  proxied = await testRelay({ trustProxy: true })
})
afterAll(async () => {
  await direct.close()
  await proxied.close()
})

const FORWARDED = { 'x-forwarded-for': '10.9.9.9, 203.0.113.7' } // first entry forged by the client

async function loginVia(relay: Relay, headers: Record<string, string>): Promise<string> {
  const res = await fetch(`${relay.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username: 'dong.worker', password: DEMO_PASSWORD }) })
  expect(res.status).toBe(200)
  return ((await res.json()) as { token: string }).token
}

const flushed = () => new Promise((r) => setTimeout(r, 20)) // the auditor writes on the next turn
const loginIps = (relay: Relay) => relay.storage.auditFor('').filter((a) => a.action === 'login').map((a) => a.ip)

describe('client address in the access records', () => {
  it('ignores X-Forwarded-For unless the relay trusts its proxy', async () => {
    await loginVia(direct, FORWARDED)
    await flushed()
    expect(loginIps(direct).at(-1)).toBe('127.0.0.1')
  })

  it('behind a trusted proxy, logs and sync reads carry the address the proxy appended', async () => {
    const token = await loginVia(proxied, FORWARDED)
    const d = await Device.connect(proxied.url, token, 0, 'proxied-device', FORWARDED)
    const feed = await d.feed()
    await d.close()
    await flushed()
    expect(loginIps(proxied).at(-1)).toBe('203.0.113.7')
    const someDoc = feed.items[0]?.name
    expect(someDoc).toBeDefined()
    expect(proxied.storage.auditFor(someDoc!).filter((a) => a.action === 'read').map((a) => a.ip)).toContain('203.0.113.7')
  })

  it('falls back to the socket address when the header holds no address', async () => {
    await loginVia(proxied, { 'x-forwarded-for': 'unknown' })
    await flushed()
    expect(loginIps(proxied).at(-1)).toBe('127.0.0.1')
  })

  it('TRUST_PROXY accepts 1/0/true/false and refuses anything else with a clear message', () => {
    expect(readConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(true)
    expect(readConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false)
    expect(readConfig({}).trustProxy).toBe(false)
    expect(() => readConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/)
  })
})
