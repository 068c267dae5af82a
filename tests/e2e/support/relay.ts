// Starts the real relay (sync-server/main.ts) on a free loopback port with its own DATA_DIR,
// serving the built app from dist/, and stops it so that its port is really closed.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePort } from '../../support/freePort'

const ROOT = resolve(import.meta.dirname, '..', '..', '..')
// The built app under test; DOUM_E2E_DIST points the tests at another build (e.g. a scratch one).
const DIST = resolve(process.env.DOUM_E2E_DIST ?? join(ROOT, 'dist'))

export interface Relay {
  url: string
  port: number
  dataDir: string
  stop(): Promise<void>
  /** Starts it again on the same port and DATA_DIR (the same organisation and documents). */
  restart(): Promise<void>
}

export { DIST }

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`relay exited with ${child.exitCode}:\n${log()}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`relay did not answer /api/health within 30 s:\n${log()}`)
}

function spawnRelay(port: number, dataDir: string, staticDir: string): { child: ChildProcess; log: () => string } {
  // One process (node --import tsx) rather than `npx tsx`, whose wrapper could outlive a SIGKILL.
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      STATIC_DIR: staticDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  return { child, log: () => output }
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000)
  await exited
  clearTimeout(timer)
}

async function waitPortClosed(port: number): Promise<void> {
  const deadline = Date.now() + 5_000
  while (Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(500) })
    } catch {
      return
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`port ${port} still answers after the relay was stopped`)
}

export async function startRelay(options: { staticDir?: string } = {}): Promise<Relay> {
  const staticDir = options.staticDir ?? DIST
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`${staticDir}/index.html is missing: run \`npx vite build\` first (npm test does).`)
  }
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'doum-e2e-relay-'))
  const url = `http://127.0.0.1:${port}`
  let current: ReturnType<typeof spawnRelay> | undefined

  const start = async () => {
    current = spawnRelay(port, dataDir, staticDir)
    await waitForHealth(url, current.child, current.log)
  }
  const stop = async () => {
    if (current) await kill(current.child)
    current = undefined
    await waitPortClosed(port)
  }
  await start()
  return {
    url,
    port,
    dataDir,
    stop,
    restart: async () => {
      await stop()
      await start()
    },
  }
}

export async function disposeRelay(relay: Relay | undefined): Promise<void> {
  if (!relay) return
  await relay.stop()
  rmSync(relay.dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
}
