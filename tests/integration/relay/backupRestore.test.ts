// Encrypted online backup while the relay runs, restore into a fresh DATA_DIR, and file modes at rest.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Device, login, newDocName, testRelay, textOf, textUpdate, tempDir } from './helpers'
import { startRelay } from '../../../sync-server/relay'

function admin(dataDir: string, args: string[], env: Record<string, string> = {}, input?: string) {
  const r = spawnSync('npx', ['tsx', 'sync-server/admin.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir, ...env }, input, encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, out: `${r.stdout}${r.stderr}` }
}

describe('backup and restore', () => {
  it('keeps the database files private, backs up encrypted while the relay runs, and restores with a new epoch', async () => {
    const relay = await testRelay()
    const mode = (p: string) => fs.statSync(p).mode & 0o777
    expect(mode(relay.dataDir)).toBe(0o700)
    for (const f of ['relay.sqlite', 'relay.sqlite-wal']) expect(mode(path.join(relay.dataDir, f)), f).toBe(0o600)

    const dev = await Device.connect(relay.url, await login(relay.url, 'dong.worker'))
    await dev.feed()
    const name = newDocName()
    await dev.push([{ name, update: textUpdate('백업 전에 쓴 내용') }])
    await dev.close()
    const epochBefore = relay.storage.epoch()

    const key = crypto.randomBytes(32).toString('hex')
    const file = path.join(tempDir(), 'doum.bak')
    const made = admin(relay.dataDir, ['backup', '--to', file], { BACKUP_KEY: key })
    expect(made.code, made.out).toBe(0)
    await relay.close()
    expect(mode(file)).toBe(0o600)
    expect(fs.readFileSync(file).includes(Buffer.from('SQLite format'))).toBe(false)
    expect(fs.readFileSync(file).includes(Buffer.from('dong.worker'))).toBe(false)

    const wrong = admin(tempDir(), ['restore', '--from', file], { BACKUP_KEY: crypto.randomBytes(32).toString('hex') })
    expect(wrong.code).toBe(2)
    expect(wrong.out).toMatch(/wrong key/)

    const target = tempDir()
    const restored = admin(target, ['restore', '--from', file], { BACKUP_KEY: key })
    expect(restored.code, restored.out).toBe(0)
    const again = await startRelay({ dataDir: target, port: 0, log: () => {} })
    try {
      expect(textOf(again.storage.updatesSince(name, 0))).toBe('백업 전에 쓴 내용')
      expect(again.storage.epoch()).not.toBe(epochBefore)
      // The backup's own admin-log row is written after the copy, into the original database.
      expect(again.storage.adminLog(0, Date.now() + 1).map((r) => r.action)).toEqual(['restore'])
    } finally {
      await again.close()
    }
  }, 90_000)

  it('a passphrase from stdin seals and opens a backup; a short one is refused', () => {
    const dataDir = tempDir()
    const file = path.join(tempDir(), 'p.bak')
    expect(admin(dataDir, ['backup', '--to', file, '--passphrase-stdin'], {}, 'short\n').code).toBe(2)
    expect(admin(dataDir, ['backup', '--to', file, '--passphrase-stdin'], {}, '긴 암호 문구 correct horse\n').code).toBe(0)
    expect(admin(tempDir(), ['restore', '--from', file, '--passphrase-stdin'], {}, '긴 암호 문구 correct horse\n').code).toBe(0)
    expect(admin(tempDir(), ['restore', '--from', file, '--passphrase-stdin'], {}, '다른 암호 문구 wrong horse\n').code).toBe(2)
  }, 90_000)
})
