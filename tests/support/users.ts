// Accounts for integration tests: log in as the demo users the relay seeds on an empty DATA_DIR,
// or add one with the admin CLI. Tokens stay in memory and are never printed.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
/** Synthetic demo password from docs/CONTRACTS.md. */
export const DEMO_PASSWORD = 'demo2026!'

export interface LoginResult {
  token: string
  user: { id: string; username: string; role: string; team: string }
}

export async function login(httpUrl: string, username: string, password = DEMO_PASSWORD): Promise<LoginResult> {
  const res = await fetch(`${httpUrl}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 200) throw new Error(`login of ${username} failed with HTTP ${res.status}`)
  return (await res.json()) as LoginResult
}

export function addUser(dataDir: string, u: { username: string; password: string; role: string; team: string }): void {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'sync-server/admin.ts', 'add-user', '--username', u.username, '--password-stdin', '--role', u.role, '--team', u.team],
    { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, input: `${u.password}\n`, encoding: 'utf8' },
  )
  if (r.status !== 0) throw new Error(`admin add-user failed (${r.status}): ${r.stderr.slice(0, 500)}`)
}
