import { afterEach, describe, expect, it } from 'vitest'
import type { SyncEngine } from '../../../src/sync/engine'
import { createStatusStore, type StatusStore } from '../../../src/sync/status'
import { startSharedSync, type SharedSync } from '../../../src/sync/tabLeader'
import { createMemoryLocks } from '../../support/memoryLocks'
import { waitFor } from '../../support/wait'

// A stand-in engine (the tab coordination is under test here, not the engine).
interface StubEngine extends SyncEngine {
  statusStore: StatusStore
  calls: string[]
}
function stubEngine(): StubEngine {
  const statusStore = createStatusStore()
  const calls: string[] = []
  return {
    statusStore,
    calls,
    status: statusStore,
    start: () => calls.push('start'),
    stop: () => calls.push('stop'),
    syncNow: () => calls.push('syncNow'),
    close: () => calls.push('close'),
  }
}

const open: SharedSync[] = []
afterEach(() => {
  for (const t of open.splice(0)) t.close()
})

describe('shared sync across tabs', () => {
  it('one tab runs the engine, all tabs see its status, and another tab takes over when it closes', async () => {
    const locks = createMemoryLocks()
    const engines: StubEngine[] = []
    const create = (): SyncEngine => {
      const e = stubEngine()
      engines.push(e)
      return e
    }
    const channelName = `test-${crypto.randomUUID()}`
    const tab1 = startSharedSync(create, { locks, channelName })
    const tab2 = startSharedSync(create, { locks, channelName })
    open.push(tab1, tab2)
    await waitFor(() => engines.length === 1, 'one engine')
    expect(tab1.isLeader()).toBe(true)
    expect(tab2.isLeader()).toBe(false)
    expect(engines[0]!.calls).toEqual(['start'])

    engines[0]!.statusStore.set({ state: 'syncing', done: 3, total: 10, rejected: 0 })
    await waitFor(() => tab2.status.get().state === 'syncing', 'follower shows leader status')
    expect(tab2.status.get()).toMatchObject({ done: 3, total: 10 })
    expect(tab1.status.get().state).toBe('syncing')

    tab2.syncNow()
    await waitFor(() => engines[0]!.calls.includes('syncNow'), 'follower forwards syncNow')

    tab1.close()
    await waitFor(() => engines.length === 2, 'second tab takes over')
    expect(engines[0]!.calls).toContain('close')
    expect(tab2.isLeader()).toBe(true)
    engines[1]!.statusStore.set({ state: 'upToDate', done: 0, total: 0, rejected: 0, lastSyncAt: '2026-11-21T00:00:00.000Z' })
    expect(tab2.status.get().state).toBe('upToDate')
  })

  it('a tab that closes before it ever leads never starts an engine', async () => {
    const locks = createMemoryLocks()
    let created = 0
    const create = (): SyncEngine => {
      created++
      return stubEngine()
    }
    const channelName = `test-${crypto.randomUUID()}`
    const leader = startSharedSync(create, { locks, channelName })
    const waiting = startSharedSync(create, { locks, channelName })
    open.push(leader)
    waiting.close()
    leader.close()
    await new Promise((r) => setTimeout(r, 50))
    expect(created).toBe(1)
  })

  it('without Web Locks (Node) this tab just runs the engine', () => {
    const e = stubEngine()
    const tab = startSharedSync(() => e, { locks: null, openChannel: null })
    open.push(tab)
    expect(tab.isLeader()).toBe(true)
    expect(e.calls).toEqual(['start'])
    e.statusStore.set({ state: 'connecting', done: 0, total: 0, rejected: 0 })
    expect(tab.status.get().state).toBe('connecting')
    tab.syncNow()
    expect(e.calls).toContain('syncNow')
  })
})
