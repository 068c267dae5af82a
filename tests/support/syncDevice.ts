// A simulated device for integration tests: the real sync engine over an in-memory store, with
// timings shortened so reconnects happen within a test's time budget.
import WebSocket from 'ws'
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '../../src/sync/engine'
import { MemoryDevice } from './memoryDevice'
import { waitFor } from './wait'

export interface TestDevice {
  store: MemoryDevice
  engine: SyncEngine
  token: { value: string | null }
}

export function makeDevice(syncUrl: string, token: string | null, extra: Partial<SyncEngineOptions> = {}): TestDevice {
  const store = new MemoryDevice()
  const holder = { value: token }
  const engine = createSyncEngine({
    url: syncUrl,
    store,
    getToken: () => holder.value,
    WebSocketImpl: WebSocket,
    backoffBaseMs: 50,
    backoffCapMs: 1000,
    retryMs: 500,
    heartbeatMs: 5000,
    ...extra,
  })
  return { store, engine, token: holder }
}

/** Up to date with the relay and nothing left in the outbox. */
export async function settled(d: TestDevice, label: string, timeoutMs = 15_000): Promise<void> {
  await waitFor(() => d.engine.status.get().state === 'upToDate' && d.store.pendingCount() === 0, `${label} settled`, timeoutMs)
}
