// Access records on a real relay (127.0.0.1, SQLite): what is recorded, with which device and address,
// committed before the acknowledgement, hash-chained, and reviewed with `npm run admin -- audit`.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { MsgType } from '../../../src/sync/protocol'
import { Device, login, newDocName, testRelay, textUpdate } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
const open: Relay[] = []
afterEach(async () => {
  for (const r of open.splice(0)) await r.close()
})
async function relay(): Promise<Relay> {
  const r = await testRelay()
  open.push(r)
  return r
}

function admin(dataDir: string, args: string[]) {
  const r = spawnSync('npx', ['tsx', 'sync-server/admin.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 30_000 })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

describe('access records (접속기록)', () => {
  it('records a write, the live delivery to another device and the feed read, each with user, device and address', async () => {
    const r = await relay()
    const token = await login(r.url, 'dong.worker', undefined, 'tablet-A')
    const a = await Device.connect(r.url, token, 0, 'tablet-A')
    await a.feed()
    const b = await Device.connect(r.url, await login(r.url, 'dong.supervisor', undefined, 'tablet-B'), 0, 'tablet-B')
    await b.feed()
    const name = newDocName()
    const [ack] = await a.push([{ name, update: textUpdate('방문 기록') }])
    expect(ack!.ok).toBe(true)
    // Committed before the Ack left the relay: no wait needed.
    const rows = r.storage.queryAudit({ doc: name })
    const write = rows.find((x) => x.action === 'write')!
    expect(write).toMatchObject({ deviceId: 'tablet-A', ip: '127.0.0.1' })
    await b.waitFor((m) => m.type === MsgType.Live && m.name === name)
    const live = r.storage.queryAudit({ doc: name }).find((x) => x.action === 'live')!
    expect(live.deviceId).toBe('tablet-B')
    expect(r.storage.userById(live.userId)?.username).toBe('dong.supervisor')
    const c = await Device.connect(r.url, token, 0, 'tablet-A')
    await c.feed()
    expect(r.storage.queryAudit({ doc: name }).filter((x) => x.action === 'read').map((x) => x.deviceId)).toEqual(['tablet-A'])
    for (const d of [a, b, c]) await d.close()
  })

  it('does not acknowledge a write whose access record cannot be written: the socket ends instead', async () => {
    const r = await relay()
    const a = await Device.connect(r.url, await login(r.url, 'dong.worker'), 0, 'tablet-A')
    await a.feed()
    const append = r.storage.appendAudit.bind(r.storage)
    r.storage.appendAudit = () => { throw new Error('disk full') }
    a.send({ type: MsgType.Push, batchId: 9, items: [{ localId: 1, name: newDocName(), update: textUpdate('x') }] })
    await expect(a.waitFor((m) => m.type === MsgType.Ack)).rejects.toThrow(/closed/)
    r.storage.appendAudit = append
  })

  it('records a failed login with the name tried, and views a device reports (protocol 4)', async () => {
    const r = await relay()
    const bad = await fetch(`${r.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'no.such.user', password: 'wrong-pass1', deviceId: 'tablet-X' }) })
    expect(bad.status).toBe(401)
    const failed = r.storage.queryAudit({}).find((x) => x.action === 'login-failed')!
    expect(failed).toMatchObject({ detail: 'tried=no.such.user', deviceId: 'tablet-X', ip: '127.0.0.1' })

    const a = await Device.connect(r.url, await login(r.url, 'dong.worker', undefined, 'tablet-A'), 0, 'tablet-A')
    await a.feed()
    const name = newDocName()
    const at = Date.now() - 60_000
    a.send({ type: MsgType.Viewed, items: [{ name, at }] })
    a.send({ type: MsgType.Ping, t: 1 })
    await a.waitFor((m) => m.type === MsgType.Pong)
    const viewed = r.storage.queryAudit({ doc: name })
    expect(viewed).toHaveLength(1)
    expect(viewed[0]).toMatchObject({ action: 'viewed', at, deviceId: 'tablet-A', ip: '127.0.0.1' })
    expect(r.storage.userById(viewed[0]!.userId)?.username).toBe('dong.worker')
    // Not a bad frame: the session goes on.
    expect(a.messages.some((m) => m.type === MsgType.Error)).toBe(false)
    await a.close()
  })

  it('audit lists by user and document, verify finds a changed and a deleted row, report lists refusals', async () => {
    const r = await relay()
    const a = await Device.connect(r.url, await login(r.url, 'dong.worker', undefined, 'tablet-A'), 0, 'tablet-A')
    await a.feed()
    const name = newDocName()
    await a.push([{ name, update: textUpdate('x') }])
    await a.close()
    await fetch(`${r.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'dong.worker', password: 'wrong-pass1' }) })
    await r.close()
    const day = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10)

    const list = admin(r.dataDir, ['audit', '--user', 'dong.worker', '--doc', name, '--from', day, '--to', day, '--csv'])
    expect(list.code).toBe(0)
    expect(list.out).toMatch(/^id,time_kst,user,device,address,document,action,detail$/m)
    expect(list.out).toMatch(new RegExp(`dong\\.worker,tablet-A,127\\.0\\.0\\.1,${name},write`))

    const report = admin(r.dataDir, ['audit', 'report', '--month', day.slice(0, 7)])
    expect(report.code).toBe(0)
    expect(report.out).toMatch(/login-failed\ttried=dong\.worker|dong\.worker\t127\.0\.0\.1\tlogin-failed/)

    expect(admin(r.dataDir, ['audit', 'verify'])).toMatchObject({ code: 0 })
    const db = new Database(path.join(r.dataDir, 'relay.sqlite'))
    const target = db.prepare(`SELECT id FROM audit WHERE doc = ? AND action = 'write'`).pluck().get(name) as number
    db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete')
    db.prepare(`UPDATE audit SET ip = '10.9.9.9' WHERE id = ?`).run(target)
    db.close()
    const changed = admin(r.dataDir, ['audit', 'verify'])
    expect(changed.code).toBe(1)
    expect(changed.err).toContain(`audit row ${target} was changed`)

    const db2 = new Database(path.join(r.dataDir, 'relay.sqlite'))
    db2.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete') // every open of the relay re-creates them
    db2.prepare(`UPDATE audit SET ip = '127.0.0.1' WHERE id = ?`).run(target)
    db2.prepare(`DELETE FROM audit WHERE id = ?`).run(target)
    db2.close()
    const deleted = admin(r.dataDir, ['audit', 'verify'])
    expect(deleted.code).toBe(1)
    expect(deleted.err).toMatch(new RegExp(`before audit row ${target + 1} was deleted`))
  }, 60_000)
})
