// A lost device (개인정보의 안전성 확보조치 기준 제6조⑤): tokens bound to devices, revocation from the
// admin CLI in its own process beside a running relay, open sessions ended within seconds, and Wipe
// for a revoked token or device, where an expired or unknown token still only asks for a login.
import { afterEach, describe, expect, it } from 'vitest'
import { ErrorCode, MsgType } from '../../../src/sync/protocol'
import type { RelayMessage } from '../../../src/sync/protocol'
import { runAdmin } from '../../support/adminCli'
import { makeDevice, settled, type TestDevice } from '../../support/syncDevice'
import { sleep, waitFor } from '../../support/wait'
import { DEMO_PASSWORD, Device, login, newDocName, openYjs, testRelay } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
const relays: Relay[] = []
const devices: TestDevice[] = []
afterEach(async () => {
  for (const d of devices.splice(0)) d.engine.close()
  for (const r of relays.splice(0)) await r.close()
})

async function relayFor(options: Parameters<typeof testRelay>[0] = {}): Promise<Relay> {
  const relay = await testRelay(options)
  relays.push(relay)
  return relay
}

/** A real engine whose login named its device id; counts wipe calls. */
async function loggedInDevice(relay: Relay, username: string): Promise<TestDevice & { wipes: number[] }> {
  const wipes: number[] = []
  const d = makeDevice(`${relay.url.replace(/^http/, 'ws')}/sync`, null, { onWipe: () => wipes.push(Date.now()) })
  devices.push(d)
  d.token.value = await login(relay.url, username, DEMO_PASSWORD, d.store.deviceId)
  d.engine.start()
  await settled(d, username)
  return Object.assign(d, { wipes })
}

const loginStatus = (relay: Relay, body: Record<string, string>) =>
  fetch(`${relay.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: DEMO_PASSWORD, ...body }) })

async function hello(relay: Relay, token: string, deviceId: string, protocolVersion = 3): Promise<Device> {
  const d = await Device.open(relay.url)
  d.send({ type: MsgType.Hello, protocolVersion, token, deviceId, cursor: 0 })
  await d.waitFor((m) => m.type === MsgType.Welcome || m.type === MsgType.Error || m.type === MsgType.Wipe)
  return d
}

const WIPE_TEXT = '관리자가 이 기기의 접근을 해지했습니다. 이 기기의 자료를 지웁니다.'

describe('device revocation', () => {
  it('revoke-device beside a running relay: the lost device is told to wipe within seconds, the other device syncs on', async () => {
    const relay = await relayFor()
    const lost = await loggedInDevice(relay, 'dong.worker')
    const kept = await loggedInDevice(relay, 'dong.worker')
    const name = newDocName()
    lost.store.edit(name, (doc) => doc.getText('note').insert(0, '분실 전 기록'))
    await settled(lost, 'lost device')

    const revoked = runAdmin(relay.dataDir, ['revoke-device', '--username', 'dong.worker', '--device', lost.store.deviceId])
    const cliDone = Date.now()
    expect(revoked.code).toBe(0)
    expect(revoked.out).toContain(lost.store.deviceId)
    expect(revoked.out).not.toContain(lost.token.value!)
    await waitFor(() => lost.wipes.length === 1, 'the lost device is told to wipe', 5000)
    expect(lost.wipes[0]! - cliDone).toBeLessThan(3000)
    expect(lost.engine.status.get()).toMatchObject({ state: 'loginRequired', message: WIPE_TEXT })

    // The user's other device is untouched and still syncs.
    kept.store.edit(name, (doc) => doc.getText('note').insert(0, '다른 기기 기록 '))
    await settled(kept, 'kept device')
    expect(kept.wipes).toEqual([])
    await sleep(300)
    expect(lost.wipes).toHaveLength(1) // once, and no reconnect with the revoked token

    // The revoked device cannot log in again; an old app without a device id gets a token, but its
    // Hello from that device is answered with Wipe, and a v2 app too old for Wipe only with unauthorized.
    const again = await loginStatus(relay, { username: 'dong.worker', deviceId: lost.store.deviceId })
    expect(again.status).toBe(403)
    expect(await again.json()).toMatchObject({ code: 'device-revoked', error: expect.stringMatching(/해지/) })
    const unbound = await login(relay.url, 'dong.worker')
    const wiped = await hello(relay, unbound, lost.store.deviceId)
    expect(wiped.messages.map((m) => m.type)).toEqual([MsgType.Wipe])
    await waitFor(() => wiped.closeCode !== null, 'closed after Wipe')
    expect(wiped.closeCode).toBe(4410)
    const old = await hello(relay, lost.token.value!, lost.store.deviceId, 2)
    expect(old.messages[0]).toMatchObject({ type: MsgType.Error, code: ErrorCode.Unauthorized, fatal: true })
    expect((await fetch(`${relay.url}/api/me`, { headers: { Authorization: `Bearer ${lost.token.value}` } })).status).toBe(401)

    const list = runAdmin(relay.dataDir, ['list-devices', '--username', 'dong.worker'])
    expect(list.code).toBe(0)
    const lines = list.out.split('\n')
    expect(lines.find((l) => l.startsWith(lost.store.deviceId))).toMatch(/revoked .*wipe sent/)
    expect(lines.find((l) => l.startsWith(kept.store.deviceId))).toMatch(/active/)
    const audit = relay.storage.auditFor('')
    const entry = audit.find((a) => a.action === 'revoke-device')
    expect(entry).toMatchObject({ ip: 'cli', detail: expect.stringContaining(`device=${lost.store.deviceId}`) })
    expect(JSON.stringify(audit)).not.toContain(lost.token.value!)
    expect(audit.some((a) => a.action === 'wipe-sent')).toBe(true)
  })

  it('revoke-tokens ends every session of the user (/sync with Wipe, /yjs closed); a password change ends them without a wipe', async () => {
    const relay = await relayFor()
    const worker = await loggedInDevice(relay, 'dong.worker')
    const supervisor = await loggedInDevice(relay, 'dong.supervisor')
    const name = newDocName()
    worker.store.edit(name, (doc) => doc.getText('note').insert(0, '공유 문서'))
    await settled(worker, 'worker')
    const yjs = await openYjs(relay.url, name, worker.token.value!)
    expect(yjs.status).toBe(101)
    const yjsClosed = new Promise<number>((resolve) => yjs.ws!.once('close', (code) => resolve(code)))

    const out = runAdmin(relay.dataDir, ['revoke-tokens', '--username', 'dong.worker'])
    expect(out.code).toBe(0)
    expect(out.out).not.toContain(worker.token.value!)
    await waitFor(() => worker.wipes.length === 1, 'worker device wipes', 5000)
    expect(await yjsClosed).toBe(4401)
    expect(supervisor.engine.status.get().state).toBe('upToDate')
    expect((await openYjs(relay.url, name, worker.token.value!)).status).toBe(401)
    expect(relay.storage.auditFor('').some((a) => a.action === 'revoke-tokens')).toBe(true)

    // Devices are not revoked: a fresh login on any device syncs again.
    const fresh = await loggedInDevice(relay, 'dong.worker')
    await waitFor(() => fresh.store.doc(name).getText('note').toString() === '공유 문서', 'fresh login syncs')

    // set-password ends sessions too, but only asks for a login: the device keeps its data and outbox.
    let asked = 0
    const sup = makeDevice(`${relay.url.replace(/^http/, 'ws')}/sync`, await login(relay.url, 'dong.supervisor'), {
      onLoginRequired: () => asked++, onWipe: () => { throw new Error('must not wipe') },
    })
    devices.push(sup)
    sup.engine.start()
    await settled(sup, 'supervisor 2')
    expect(runAdmin(relay.dataDir, ['set-password', '--username', 'dong.supervisor', '--password-stdin'], 'N3w-password!\n').code).toBe(0)
    await waitFor(() => sup.engine.status.get().state === 'loginRequired' && supervisor.engine.status.get().state === 'loginRequired', 'sessions end', 5000)
    expect(asked).toBe(1)
    expect(sup.engine.status.get().message).not.toBe(WIPE_TEXT)
    expect(supervisor.wipes).toEqual([])
  })

  it('a token revoked after it expired still wipes; expired or foreign tokens only get unauthorized; an expired session ends', async () => {
    const relay = await relayFor({ tokenTtlSeconds: 1, storage: 'memory', accessPollMs: 100 })
    const user = relay.storage.userByName('hope.worker')!
    const token = await login(relay.url, 'hope.worker', DEMO_PASSWORD, 'phone-1')
    const foreign = await hello(relay, token, 'phone-2')
    expect(foreign.messages[0]).toMatchObject({ type: MsgType.Error, code: ErrorCode.Unauthorized })

    const live = await hello(relay, token, 'phone-1')
    expect(live.welcome).toBeDefined()
    await waitFor(() => live.closeCode !== null, 'the session ends when its token expires', 3000)
    expect(live.messages.some((m: RelayMessage) => m.type === MsgType.Error && m.code === ErrorCode.Unauthorized)).toBe(true)

    const expired = await hello(relay, token, 'phone-1')
    expect(expired.messages[0]).toMatchObject({ type: MsgType.Error, code: ErrorCode.Unauthorized })
    expect(relay.storage.revokeAccess(user.id, 'phone-1', 'test', Date.now())).toBe(0) // no live session left
    const late = await hello(relay, token, 'phone-1')
    expect(late.messages.map((m) => m.type)).toEqual([MsgType.Wipe])
    expect(relay.storage.listDevices(user.id)).toEqual([
      expect.objectContaining({ deviceId: 'phone-1', revokedAt: expect.any(Number), wipeSentAt: expect.any(Number) }),
    ])
    const unknown = await hello(relay, 'never-issued', 'phone-1')
    expect(unknown.messages[0]).toMatchObject({ type: MsgType.Error, code: ErrorCode.Unauthorized })
  })

  it('the memory storage ends an open session on an in-process revocation as well', async () => {
    const relay = await relayFor({ storage: 'memory', accessPollMs: 100 })
    const token = await login(relay.url, 'hope.supervisor', DEMO_PASSWORD, 'tablet-9')
    const open = await hello(relay, token, 'tablet-9')
    expect(open.welcome).toBeDefined()
    relay.storage.revokeAccess(relay.storage.userByName('hope.supervisor')!.id, null, 'test', Date.now())
    await waitFor(() => open.closeCode !== null, 'closed', 3000)
    expect(open.messages.at(-1)).toEqual({ type: MsgType.Wipe })
    expect(open.closeCode).toBe(4410)
  })
})
