// The real relay in this process on 127.0.0.1, port 0, with a fresh data directory.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startRelay } from '../../sync-server/relay'
import type { RelayStorage } from '../../sync-server/storage/types'

export interface TestRelay {
  httpUrl: string
  syncUrl: string
  yjsUrl: string
  dataDir: string
  /** The running relay's storage, for reading the stored log. */
  storage: RelayStorage
  close(): Promise<void>
  /** close() and delete the data directory. */
  dispose(): Promise<void>
}

export async function startTestRelay(opts: { tokenTtlSeconds?: number; storage?: 'sqlite' | 'memory' } = {}): Promise<TestRelay> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doum-relay-'))
  const relay = await startRelay({
    dataDir,
    storage: opts.storage ?? 'sqlite',
    host: '127.0.0.1',
    port: 0,
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 3600,
    seedDemo: true,
    log: () => {},
  })
  let closed = false
  const close = async (): Promise<void> => {
    if (closed) return
    closed = true
    await relay.close()
  }
  return {
    httpUrl: `http://127.0.0.1:${relay.port}`,
    syncUrl: `ws://127.0.0.1:${relay.port}/sync`,
    yjsUrl: `ws://127.0.0.1:${relay.port}/yjs`,
    dataDir,
    storage: relay.storage,
    close,
    async dispose() {
      await close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
