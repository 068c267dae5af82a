// A sync engine against a scripted relay on loopback, closed after each test: the set-up the
// engine's protocol, pipeline and ack tests share.
import { afterEach } from 'vitest'
import WebSocket from 'ws'
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '../../src/sync/engine'
import type { SyncStore } from '../../src/sync/syncStore'
import { startScriptedRelay, type ScriptedRelay } from './scriptedRelay'

export const SCRIPTED_USER = { id: 'u1', username: 'dong.worker', role: 'worker', team: 'dong-sinchon' } as const

/** Registers the clean-up and returns `setup(store, options)`, which starts a relay and an engine (not yet started). */
export function useScriptedEngine(): (store: SyncStore, extra?: Partial<SyncEngineOptions>) => Promise<{ relay: ScriptedRelay; engine: SyncEngine }> {
  let relay: ScriptedRelay | null = null
  let engine: SyncEngine | null = null
  afterEach(async () => {
    engine?.close()
    engine = null
    await relay?.close()
    relay = null
  })
  return async (store, extra = {}) => {
    const r = await startScriptedRelay()
    relay = r
    const e = createSyncEngine({
      url: r.url,
      store,
      getToken: () => 'token-1',
      WebSocketImpl: WebSocket,
      backoffBaseMs: 20,
      backoffCapMs: 100,
      retryMs: 100,
      ...extra,
    })
    engine = e
    return { relay: r, engine: e }
  }
}
