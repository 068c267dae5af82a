// Child processes of the benchmark (stock server, latency proxy, relay): spawned with tsx,
// talked to over IPC, and always killed on exit so a run leaves nothing behind.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '..')

const live = new Set<ChildProcess>()
const tempDirs = new Set<string>()
let hooked = false

function killAll(): void {
  for (const p of live) if (p.exitCode === null) p.kill('SIGKILL')
  live.clear()
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true })
  tempDirs.clear()
}

/** A temp directory removed by removeTempDir or, at the latest, when the benchmark exits. */
export function makeTempDir(prefix: string): string {
  hookExit()
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
  tempDirs.add(dir)
  return dir
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
  tempDirs.delete(dir)
}

function hookExit(): void {
  if (hooked) return
  hooked = true
  process.on('exit', killAll)
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      killAll()
      process.exit(130)
    })
  }
}

export interface Child {
  proc: ChildProcess
  /** Sends a message and resolves with the next reply of type `${type}:ok`. */
  request<T = Record<string, unknown>>(msg: { type: string } & Record<string, unknown>): Promise<T>
  /** Resident set size of the child in bytes, from /proc. */
  rss(): number
  stop(): Promise<void>
}

/** Runs a TypeScript file in its own Node process (tsx loader, no intermediate shell). */
export function spawnTs(script: string, opts: { args?: string[]; env?: NodeJS.ProcessEnv; ipc?: boolean; quiet?: boolean } = {}): ChildProcess {
  hookExit()
  const proc = spawn(process.execPath, ['--import', 'tsx', script, ...(opts.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', opts.quiet ? 'ignore' : 'inherit', 'inherit', ...(opts.ipc ? ['ipc' as const] : [])],
  })
  live.add(proc)
  proc.once('exit', () => live.delete(proc))
  return proc
}

export function rssOf(pid: number | undefined): number {
  if (pid === undefined) return 0
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m?.[1] ? Number(m[1]) * 1024 : 0
}

export async function stopProcess(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  proc.kill('SIGTERM')
  const timer = setTimeout(() => proc.kill('SIGKILL'), 3000)
  await exited
  clearTimeout(timer)
}

/** Spawns an IPC child and waits for its `{type:'ready'}` message. */
export async function startIpcChild(script: string, args: string[] = [], timeoutMs = 30_000): Promise<{ child: Child; ready: Record<string, unknown> }> {
  const proc = spawnTs(script, { args, ipc: true })
  const waiting = new Map<string, (m: Record<string, unknown>) => void>()
  let readyResolve: (m: Record<string, unknown>) => void = () => {}
  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    readyResolve = resolve
    proc.once('exit', (code) => reject(new Error(`${path.basename(script)} exited early (${code})`)))
    setTimeout(() => reject(new Error(`${path.basename(script)} not ready in ${timeoutMs} ms`)), timeoutMs).unref()
  })
  proc.on('message', (raw) => {
    const m = raw as Record<string, unknown>
    const type = String(m.type)
    if (type === 'ready') readyResolve(m)
    const waiter = waiting.get(type)
    if (waiter) {
      waiting.delete(type)
      waiter(m)
    }
  })
  const child: Child = {
    proc,
    request<T>(msg: { type: string } & Record<string, unknown>) {
      return new Promise<T>((resolve) => {
        waiting.set(`${msg.type}:ok`, (m) => resolve(m as T))
        proc.send(msg)
      })
    },
    rss: () => rssOf(proc.pid),
    stop: () => stopProcess(proc),
  }
  return { child, ready: await ready }
}
