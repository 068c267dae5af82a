import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { startRelay } from '../../../sync-server/relay'
import { login, tempDir } from './helpers'

function admin(dataDir: string, args: string[], input?: string) {
  const r = spawnSync('npx', ['tsx', 'sync-server/admin.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir }, input, encoding: 'utf8', timeout: 30_000,
  })
  return { code: r.status, out: `${r.stdout}${r.stderr}` }
}

describe('admin CLI', () => {
  it('adds a user (new team created) who can then log in, and lists them without secrets', async () => {
    const dataDir = tempDir()
    const added = admin(dataDir, ['add-user', '--username', 'jahwal.worker', '--password-stdin', '--role', 'worker', '--team', 'jahwal-center'], 'Str0ng-pass\n')
    expect(added.code).toBe(0)
    expect(added.out).not.toContain('Str0ng-pass')
    const viaStdin = admin(dataDir, ['add-user', '--username', 'jahwal.sup', '--password-stdin', '--role', 'supervisor', '--team', 'jahwal-center'], 'An0ther-pass\n')
    expect(viaStdin.code).toBe(0)
    const list = admin(dataDir, ['list-users'])
    expect(list.out).toMatch(/jahwal\.worker\s+worker\s+jahwal-center/)
    expect(list.out).not.toMatch(/scrypt|pass/)

    const relay = await startRelay({ dataDir, port: 0, log: () => {} })
    try {
      await expect(login(relay.url, 'jahwal.worker', 'Str0ng-pass')).resolves.toMatch(/.{30,}/)
      await expect(login(relay.url, 'jahwal.sup', 'An0ther-pass')).resolves.toMatch(/.{30,}/)
      // Works while the relay runs (same DATA_DIR): a lost device's sessions are revoked.
      const token = await login(relay.url, 'jahwal.worker', 'Str0ng-pass')
      expect(admin(dataDir, ['revoke-tokens', '--username', 'jahwal.worker']).code).toBe(0)
      expect((await fetch(`${relay.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401)
    } finally {
      await relay.close()
    }
  })

  it('refuses a weak password, an unknown role and a duplicate user with a non-zero exit and no password echoed', () => {
    const dataDir = tempDir()
    const weak = admin(dataDir, ['add-user', '--username', 'u1', '--password-stdin', '--role', 'worker', '--team', 'team-a'], 'abcdefgh\n')
    expect(weak.code).not.toBe(0)
    expect(weak.out).toMatch(/비밀번호/)
    expect(weak.out).not.toContain('abcdefgh')
    const role = admin(dataDir, ['add-user', '--username', 'u2', '--password-stdin', '--role', 'boss', '--team', 'team-a'], 'Go0d-pass\n')
    expect(role.code).not.toBe(0)
    expect(role.out).toMatch(/역할|role/i)
    expect(role.out).not.toContain('Go0d-pass')
    expect(admin(dataDir, ['add-user', '--username', 'u3', '--password-stdin', '--role', 'worker', '--team', 'team-a'], 'Go0d-pass\n').code).toBe(0)
    const dup = admin(dataDir, ['add-user', '--username', 'u3', '--password-stdin', '--role', 'worker', '--team', 'team-a'], 'Go0d-pass\n')
    expect(dup.code).not.toBe(0)
    expect(dup.out).toMatch(/이미|exists/)
  })
})
