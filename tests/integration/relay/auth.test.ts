import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ErrorCode, MsgType } from '../../../src/sync/protocol'
import type { RelayMessage } from '../../../src/sync/protocol'
import { DEMO_PASSWORD, Device, login, newDocName, openYjs, testRelay } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay

beforeAll(async () => {
  relay = await testRelay({ tokenTtlSeconds: 1 })
})
afterAll(() => relay.close())

const post = (path: string, body: string, token?: string) =>
  fetch(`${relay.url}${path}`, {
    method: 'POST', body, headers: { 'content-type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  })

describe('POST /api/login', () => {
  it('answers 200 with a token and the user for the right password', async () => {
    const res = await post('/api/login', JSON.stringify({ username: 'hope.worker', password: DEMO_PASSWORD }))
    expect(res.status).toBe(200)
    const body = (await res.json()) as { token: string; user: Record<string, string> }
    expect(body.token.length).toBeGreaterThan(30)
    expect(body.user).toMatchObject({ username: 'hope.worker', role: 'worker', team: 'hope-center' })
    expect(typeof body.user.id).toBe('string')
  })

  it('answers 401 with an error for a wrong password or unknown user, 400 for malformed JSON', async () => {
    const wrong = await post('/api/login', JSON.stringify({ username: 'hope.worker', password: 'wrong-pass1' }))
    expect(wrong.status).toBe(401)
    expect(((await wrong.json()) as { error: string }).error).toMatch(/비밀번호/)
    const unknown = await post('/api/login', JSON.stringify({ username: 'nobody', password: DEMO_PASSWORD }))
    expect(unknown.status).toBe(401)
    expect((await post('/api/login', '{nope')).status).toBe(400)
    expect((await post('/api/login', JSON.stringify({ username: 3 }))).status).toBe(400)
  })

  it('locks the account for 15 minutes after 5 failed logins, even for the right password', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      statuses.push((await post('/api/login', JSON.stringify({ username: 'dong.supervisor', password: 'bad-pass-' + i }))).status)
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429])
    const right = await post('/api/login', JSON.stringify({ username: 'dong.supervisor', password: DEMO_PASSWORD }))
    expect(right.status).toBe(429)
  })
})

describe('tokens', () => {
  it('GET /api/me needs a valid token', async () => {
    const token = await login(relay.url, 'dong.worker')
    const me = await fetch(`${relay.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('dong.worker')
    expect((await fetch(`${relay.url}/api/me`, { headers: { Authorization: 'Bearer forged' } })).status).toBe(401)
  })

  it('an expired token is refused by the API, /sync and /yjs', async () => {
    const token = await login(relay.url, 'dong.worker')
    const fresh = await Device.connect(relay.url, token)
    expect(fresh.welcome?.user.username).toBe('dong.worker')
    await fresh.close()
    await new Promise((r) => setTimeout(r, 1100))
    expect((await fetch(`${relay.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401)
    const d = await Device.connect(relay.url, token)
    const err = d.messages.find((m): m is Extract<RelayMessage, { type: typeof MsgType.Error }> => m.type === MsgType.Error)
    expect(err).toMatchObject({ code: ErrorCode.Unauthorized, fatal: true })
    expect(d.welcome).toBeUndefined()
    expect((await openYjs(relay.url, newDocName(), token)).status).toBe(401)
  })

  it('a forged token is refused on /sync and /yjs', async () => {
    const d = await Device.connect(relay.url, 'not-a-token')
    expect(d.messages[0]).toMatchObject({ type: MsgType.Error, code: ErrorCode.Unauthorized, fatal: true })
    await d.waitFor(() => false, 0, 2000).catch(() => undefined)
    expect(d.closeCode).toBe(4401)
    expect((await openYjs(relay.url, newDocName(), 'not-a-token')).status).toBe(401)
  })
})
