// Account commands of the admin CLI against a running relay on the same DATA_DIR: --password is refused,
// a demo password is refused, set-role / set-team / unlock / disable-user / delete-user act and are logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAdmin } from '../../support/adminCli'
import { JSON_TYPE, login, testRelay } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay

beforeAll(async () => {
  relay = await testRelay({ accessPollMs: 100 })
})
afterAll(() => relay.close())

const me = (token: string) => fetch(`${relay.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } })
const loginStatus = async (username: string, password: string) =>
  (await fetch(`${relay.url}/api/login`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ username, password }) })).status
const logged = (action: string) => relay.storage.adminLog(0, Date.now() + 1000).filter((r) => r.action === action)

describe('admin account commands', () => {
  it('refuses --password on the command line and a blocked password, naming --password-stdin', { timeout: 60_000 }, () => {
    const arg = runAdmin(relay.dataDir, ['add-user', '--username', 'kim.worker', '--password', 'S3cure-pass!', '--role', 'worker', '--team', 'dong-sinchon'])
    expect(arg.code).toBe(2)
    expect(arg.out).toMatch(/--password-stdin/)
    expect(arg.out).not.toContain('S3cure-pass!')
    const demo = runAdmin(relay.dataDir, ['add-user', '--username', 'kim.worker', '--password-stdin', '--role', 'worker', '--team', 'dong-sinchon'], 'demo2026!\n')
    expect(demo.code).toBe(2)
    expect(demo.out).toMatch(/흔하거나/)
    const withName = runAdmin(relay.dataDir, ['add-user', '--username', 'kim.worker', '--password-stdin', '--role', 'worker', '--team', 'dong-sinchon'], 'Kim.worker-2026\n')
    expect(withName.out).toMatch(/아이디/)
    expect(relay.storage.userByName('kim.worker')).toBeNull()
  })

  it('set-role and set-team apply at the next login and end open sessions; each is in the admin log', { timeout: 60_000 }, async () => {
    const token = await login(relay.url, 'dong.volunteer')
    expect(runAdmin(relay.dataDir, ['set-role', '--username', 'dong.volunteer', '--role', 'worker']).code).toBe(0)
    expect(runAdmin(relay.dataDir, ['set-team', '--username', 'dong.volunteer', '--team', 'hope-center']).code).toBe(0)
    expect((await me(token)).status).toBe(401)
    const user = relay.storage.userByName('dong.volunteer')!
    expect([user.role, user.team]).toEqual(['worker', 'hope-center'])
    expect(logged('set-role')[0]).toMatchObject({ target: user.id, detail: 'from=volunteer to=worker', by: expect.stringMatching(/^cli:/) as unknown })
    expect(logged('set-team')[0]).toMatchObject({ target: user.id, detail: 'from=dong-sinchon to=hope-center' })
  })

  it('unlock clears a login lock', { timeout: 60_000 }, async () => {
    for (let i = 0; i < 5; i++) await loginStatus('dong.supervisor', `Wrong-pass-${i}`)
    expect(await loginStatus('dong.supervisor', 'demo2026!')).toBe(429)
    expect(runAdmin(relay.dataDir, ['unlock', '--username', 'dong.supervisor']).code).toBe(0)
    expect(await loginStatus('dong.supervisor', 'demo2026!')).toBe(200)
    expect(logged('unlock')).toHaveLength(1)
  })

  it('disable-user refuses logins like a wrong password and ends sessions; delete-user removes the account', { timeout: 60_000 }, async () => {
    const token = await login(relay.url, 'hope.volunteer')
    expect(runAdmin(relay.dataDir, ['disable-user', '--username', 'hope.volunteer']).code).toBe(0)
    expect((await me(token)).status).toBe(401)
    expect(await loginStatus('hope.volunteer', 'demo2026!')).toBe(401)
    expect(runAdmin(relay.dataDir, ['enable-user', '--username', 'hope.volunteer']).code).toBe(0)
    expect(await loginStatus('hope.volunteer', 'demo2026!')).toBe(200)
    expect(runAdmin(relay.dataDir, ['delete-user', '--username', 'hope.volunteer']).code).toBe(0)
    expect(relay.storage.userByName('hope.volunteer')).toBeNull()
    expect(await loginStatus('hope.volunteer', 'demo2026!')).toBe(401)
    expect(logged('disable-user')).toHaveLength(1)
    expect(logged('delete-user')).toHaveLength(1)
    expect(JSON.stringify(relay.storage.adminLog(0, Date.now() + 1000))).not.toMatch(/demo2026|scrypt/)
  })

  it('add-user makes an account that must change its password at first login', { timeout: 60_000 }, async () => {
    expect(runAdmin(relay.dataDir, ['add-user', '--username', 'lee.worker', '--password-stdin', '--role', 'worker', '--team', 'dong-sinchon'], 'Lee-first-2026\n').code).toBe(0)
    const res = await fetch(`${relay.url}/api/login`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ username: 'lee.worker', password: 'Lee-first-2026' }) })
    expect(await res.json()).toMatchObject({ mustChangePassword: true })
    expect(logged('add-user')[0]).toMatchObject({ detail: 'role=worker team=dong-sinchon' })
  })
})
