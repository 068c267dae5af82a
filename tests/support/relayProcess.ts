// The relay as a separate OS process (so it can be SIGKILLed and restarted on the same port and
// data directory). Runs `node --import tsx sync-server/main.ts`: one process, so SIGKILL really
// kills the relay (the `tsx` CLI would leave its child running).
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from './freePort'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface RelayProcess {
  readonly port: number
  readonly dataDir: string
  /** http://127.0.0.1:PORT */
  readonly httpUrl: string
  /** ws://127.0.0.1:PORT/sync */
  readonly syncUrl: string
  kill(): Promise<void>
  restart(): Promise<void>
  /** SIGKILL and remove the data directory. */
  dispose(): Promise<void>
}

async function waitHealthy(url: string, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`relay exited (${child.exitCode}): ${output()}`)
    try {
      // A fetch to a half-started server can hang; bound each try.
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) })
      if (res.ok) return
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`relay did not become healthy: ${output()}`)
}

export async function startRelayProcess(opts: { env?: Record<string, string>; dataDir?: string } = {}): Promise<RelayProcess> {
  const port = await freePort()
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'doum-relay-'))
  const httpUrl = `http://127.0.0.1:${port}`
  let child: ChildProcess | null = null

  async function launch(): Promise<void> {
    // Only the tail of stderr is kept, for failure messages; the relay prints demo logins on stdout.
    let errTail = ''
    const c = spawn(process.execPath, ['--import', 'tsx', 'sync-server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, ...opts.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    c.stderr?.on('data', (d: Buffer) => {
      errTail = (errTail + d.toString()).slice(-2000)
    })
    child = c
    await waitHealthy(httpUrl, c, () => errTail)
  }

  async function kill(): Promise<void> {
    const c = child
    child = null
    if (!c || c.exitCode !== null || c.signalCode !== null) return
    const exited = new Promise<void>((r) => c.once('exit', () => r()))
    c.kill('SIGKILL')
    await exited
  }

  await launch()
  return {
    port,
    dataDir,
    httpUrl,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    kill,
    async restart() {
      await kill()
      await launch()
    },
    async dispose() {
      await kill()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
