// Runs `sync-server/admin.ts` as its own process on a DATA_DIR, as an administrator would beside a
// running relay (the same SQLite file, another connection).
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface AdminRun {
  code: number | null
  /** stdout and stderr together. */
  out: string
}

export function runAdmin(dataDir: string, args: string[], input?: string): AdminRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/admin.ts', ...args], {
    cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, input, encoding: 'utf8', timeout: 60_000,
  })
  return { code: r.status, out: `${r.stdout}${r.stderr}` }
}
