// Sessions on a real relay: a temporary password's token opens only POST /api/password, the user's own
// password change ends their other sessions, logout ends the token, and every /sync batch re-checks it.
import crypto from 'node:crypto'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ErrorCode, MsgType } from '../../../src/sync/protocol'
import type { RelayMessage } from '../../../src/sync/protocol'
import { hashPassword } from '../../../sync-server/auth'
import { Device, JSON_TYPE, login, newDocName, openYjs, testRelay, textUpdate, wsUrl } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay

beforeAll(async () => {
  // No revocation poll during the test: what ends a session here is the check on each batch.
  relay = await testRelay({ accessPollMs: 600_000 })
})
afterAll(() => relay.close())

const api = (path: string, token: string, body?: unknown) =>
  fetch(`${relay.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...JSON_TYPE, Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

async function temporaryAccount(username: string, password: string): Promise<void> {
  relay.storage.createUser({
    id: crypto.randomUUID(), username, role: 'worker', team: 'dong-sinchon', passwordHash: await hashPassword(password),
    createdAt: Date.now(), mustChangePassword: true,
  })
}

const errorOf = (d: Device) => d.messages.find((m): m is Extract<RelayMessage, { type: typeof MsgType.Error }> => m.type === MsgType.Error)

describe('a password an admin set', () => {
  it('gives a token that only changes the password, refused elsewhere with a Korean reason', { timeout: 60_000 }, async () => {
    await temporaryAccount('temp.worker', 'Temp-pass-2026')
    const res = await fetch(`${relay.url}/api/login`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ username: 'temp.worker', password: 'Temp-pass-2026' }) })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { token: string; mustChangePassword?: boolean }
    expect(body.mustChangePassword).toBe(true)
    const token = body.token

    const me = await api('/api/me', token)
    expect(me.status).toBe(403)
    expect(await me.json()).toMatchObject({ code: 'must-change-password', error: expect.stringMatching(/비밀번호를 바꾼 뒤/) as unknown })
    expect((await api('/api/teams', token)).status).toBe(403)
    const d = await Device.connect(relay.url, token)
    expect(d.welcome).toBeUndefined()
    expect(errorOf(d)).toMatchObject({ code: ErrorCode.Unauthorized, fatal: true, message: expect.stringMatching(/비밀번호를 바꾼 뒤/) as unknown })
    expect((await openYjs(relay.url, newDocName(), token)).status).toBe(403)

    // The policy's reasons, in Korean, with a code the app translates.
    const refused = async (next: string) => (await (await api('/api/password', token, { current: 'Temp-pass-2026', next })).json()) as { problem: string; error: string }
    expect(await refused('short1!')).toMatchObject({ problem: 'length' })
    expect(await refused('alllowercaseletters')).toMatchObject({ problem: 'kinds', error: expect.stringMatching(/영문 대문자/) as unknown })
    expect(await refused('qwer1234!')).toMatchObject({ problem: 'common' })
    expect(await refused('demo2026!')).toMatchObject({ problem: 'common' })
    expect(await refused('Xtemp.worker9')).toMatchObject({ problem: 'username' })
    const wrong = await api('/api/password', token, { current: 'Not-the-pass1', next: 'Brand-new-2026' })
    expect(wrong.status).toBe(403)
    expect((await api('/api/password', token, { current: 'Temp-pass-2026', next: 'Brand-new-2026' })).status).toBe(200)

    expect((await api('/api/me', token)).status).toBe(200)
    const synced = await Device.connect(relay.url, token)
    expect(synced.welcome?.user.username).toBe('temp.worker')
    await synced.close()
    expect(relay.storage.userByName('temp.worker')!.mustChangePassword).toBe(false)
  })
})

describe('a user changing their own password', () => {
  it('ends their other sessions, keeps this one, and the old password stops working', { timeout: 60_000 }, async () => {
    const other = await login(relay.url, 'hope.volunteer')
    const otherDevice = await Device.connect(relay.url, other, 0, 'phone-b')
    const mine = await login(relay.url, 'hope.volunteer')
    expect((await api('/api/password', mine, { current: 'demo2026!', next: 'Vol-unteer-77' })).status).toBe(200)
    expect((await api('/api/me', other)).status).toBe(401)
    expect((await api('/api/me', mine)).status).toBe(200)
    // The other device's next batch is refused even though no revocation poll ran.
    otherDevice.send({ type: MsgType.SvSync, requestId: 1, items: [] })
    await otherDevice.waitFor((m) => m.type === MsgType.Error, 0).catch(() => undefined)
    expect(errorOf(otherDevice)).toMatchObject({ code: ErrorCode.Unauthorized, fatal: true })
    await expect(login(relay.url, 'hope.volunteer')).rejects.toThrow(/401/)
    await expect(login(relay.url, 'hope.volunteer', 'Vol-unteer-77')).resolves.toMatch(/.{30,}/)
  })
})

describe('logout and batches', () => {
  it('POST /api/logout ends the presented token; an open /sync session is refused at its next push', async () => {
    const token = await login(relay.url, 'dong.worker')
    const d = await Device.connect(relay.url, token)
    await d.feed()
    const name = newDocName()
    expect((await d.push([{ name, update: textUpdate('첫 기록') }]))[0]).toMatchObject({ ok: true })
    const out = await fetch(`${relay.url}/api/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })
    expect(out.status).toBe(200)
    expect((await api('/api/me', token)).status).toBe(401)
    const from = d.messages.length
    d.send({ type: MsgType.Push, batchId: 99, items: [{ localId: 1, name, update: textUpdate('로그아웃 뒤') }] })
    await d.waitFor((m) => m.type === MsgType.Error, from).catch(() => undefined)
    expect(d.messages.slice(from).some((m) => m.type === MsgType.Ack)).toBe(false)
    expect(errorOf(d)).toMatchObject({ code: ErrorCode.Unauthorized, fatal: true })
    expect(relay.storage.updatesSince(name, 0)).toHaveLength(1)
    expect((await fetch(`${relay.url}/api/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })).status).toBe(401)
  })

  it('an admin revocation reaches an open session at its next batch: Wipe, nothing stored', async () => {
    const token = await login(relay.url, 'hope.worker', 'demo2026!', 'tablet-1')
    const d = await Device.connect(relay.url, token, 0, 'tablet-1')
    await d.feed()
    relay.storage.revokeAccess(relay.storage.userByName('hope.worker')!.id, null, 'cli:test', Date.now())
    const name = newDocName()
    d.send({ type: MsgType.Push, batchId: 7, items: [{ localId: 1, name, update: textUpdate('해지 뒤') }] })
    await d.waitFor((m) => m.type === MsgType.Wipe).catch(() => undefined)
    expect(d.messages.some((m) => m.type === MsgType.Wipe)).toBe(true)
    expect(relay.storage.docAccess(name)).toBeNull()
  })
})

describe('/yjs with the token in the first message', () => {
  const authFrame = (token: string) => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 2)
    encoding.writeVarString(e, token)
    return encoding.toUint8Array(e)
  }
  const open = (name: string) => new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl(relay.url)}/yjs/${name}`)
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
  const firstReply = (ws: WebSocket) => new Promise<{ data?: Uint8Array; code?: number }>((resolve) => {
    ws.once('message', (data: Buffer) => resolve({ data: new Uint8Array(data) }))
    ws.once('close', (code) => resolve({ code }))
  })

  it('opens the sync after an auth frame and refuses a socket that starts with anything else', async () => {
    const token = await login(relay.url, 'dong.supervisor')
    const ws = await open(newDocName())
    const reply = firstReply(ws)
    ws.send(authFrame(token))
    expect((await reply).data?.[0]).toBe(0) // sync step 1 from the relay
    ws.close()

    const bad = await open(newDocName())
    const closed = firstReply(bad)
    bad.send(new Uint8Array([0, 0, 1, 0])) // a sync step 1 without authenticating
    const first = await closed
    const code = first.code ?? (await new Promise<number>((r) => bad.once('close', r)))
    if (first.data) expect(first.data[0]).toBe(2) // y-websocket's permission-denied message
    expect(code).toBe(4401)

    const forged = await open(newDocName())
    const denied = new Promise<number>((r) => forged.once('close', r))
    forged.send(authFrame('not-a-token'))
    expect(await denied).toBe(4401)
  })
})
