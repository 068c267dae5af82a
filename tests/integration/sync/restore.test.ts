// The relay's database restored from a backup loses updates it had acknowledged. The devices still
// hold them: on their next sync the relay tells them so (a new epoch, or a head behind their cursor)
// and they put back in their outbox whatever they hold beyond the relay's states. Real relay, real SQLite.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startRelay, type RelayHandle } from '../../../sync-server/relay'
import { makeDevice, settled, type TestDevice } from '../../support/syncDevice'
import { login } from '../../support/users'
import { waitFor } from '../../support/wait'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const dirs: string[] = []
const devices: TestDevice[] = []
let relay: RelayHandle | null = null
let logs: string[] = []

afterEach(async () => {
  for (const d of devices.splice(0)) d.engine.close()
  await relay?.close()
  relay = null
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'doum-restore-'))
  dirs.push(d)
  return d
}

async function boot(dataDir: string, port = 0): Promise<RelayHandle> {
  logs = []
  relay = await startRelay({ dataDir, host: '127.0.0.1', port, seedDemo: true, staticDir: dataDir, tokenTtlSeconds: 3600, log: (l) => logs.push(l) })
  return relay
}

/** Stops the relay and waits until every running device has noticed. */
async function stop(): Promise<void> {
  await relay?.close()
  relay = null
  await waitFor(() => devices.every((d) => d.engine.status.get().state !== 'upToDate'), 'devices see the relay gone')
}

/** Copies the database files (what a nightly backup holds); with `mark`, the head mark beside them too. */
function copyDb(from: string, to: string, mark: boolean): void {
  for (const f of fs.readdirSync(to)) if (f.startsWith('relay.sqlite') || (mark && f === 'relay-head.json')) fs.rmSync(path.join(to, f))
  for (const f of fs.readdirSync(from)) {
    if (f.startsWith('relay.sqlite') || (mark && f === 'relay-head.json')) fs.copyFileSync(path.join(from, f), path.join(to, f))
  }
}

const syncUrl = (r: RelayHandle) => `ws://127.0.0.1:${r.port}/sync`
const newCase = () => `case/${crypto.randomUUID()}`

function note(d: TestDevice, name: string, text: string): void {
  d.store.edit(name, (doc) => {
    const t = doc.getText('observations')
    t.insert(t.length, text)
  })
}

/** What the relay holds of a document, as a fresh Y.Doc. */
function onRelay(r: RelayHandle, name: string): Y.Doc {
  const doc = new Y.Doc()
  const state = r.storage.mergedState(name)
  if (state) Y.applyUpdate(doc, state)
  return doc
}

interface Scene {
  dataDir: string
  backup: string
  port: number
  worker: TestDevice
  before: string
  after: string
}

/**
 * A worker edits a case, the relay is backed up, then the worker adds text, deletes a word and
 * creates another case — all acknowledged — before the relay's disk is lost.
 */
async function sceneUpToTheLoss(): Promise<Scene> {
  const dataDir = tempDir()
  const backup = tempDir()
  const first = await boot(dataDir)
  const port = first.port
  const worker = makeDevice(syncUrl(first), (await login(first.url, 'dong.worker')).token)
  devices.push(worker)
  const before = newCase()
  note(worker, before, '어르신 안부 확인. 난방 안 함.')
  worker.engine.start()
  await settled(worker, 'worker before the backup')

  await stop()
  copyDb(dataDir, backup, true)
  await boot(dataDir, port)
  note(worker, before, ' 보일러 수리 연계함.')
  worker.store.edit(before, (doc) => doc.getText('observations').delete(0, 3)) // a deletion the backup lacks
  const after = newCase()
  note(worker, after, '새 가구: 월세 석 달 체납.')
  await waitFor(() => worker.store.pendingCount() === 0 && worker.engine.status.get().state === 'upToDate', 'edits after the backup acknowledged', 15_000)
  expect(onRelay(relay!, after).getText('observations').toString()).toContain('월세')
  await stop()
  return { dataDir, backup, port, worker, before, after }
}

async function expectEverythingBack(s: Scene): Promise<void> {
  const r = relay!
  await settled(s.worker, 'worker after the restore', 20_000)
  const want = (n: string) => s.worker.store.doc(n).getText('observations').toString()
  expect(want(s.before)).toBe(' 안부 확인. 난방 안 함. 보일러 수리 연계함.')
  for (const n of [s.before, s.after]) expect(onRelay(r, n).getText('observations').toString()).toBe(want(n))
  // And a device that never saw any of it gets it all from the relay.
  const fresh = makeDevice(syncUrl(r), (await login(r.url, 'dong.supervisor')).token)
  devices.push(fresh)
  fresh.engine.start()
  await settled(fresh, 'fresh device')
  for (const n of [s.before, s.after]) expect(fresh.store.doc(n).getText('observations').toString()).toBe(want(n))
}

describe('relay restored from a backup', () => {
  it('notices its database went back, takes a new epoch, and the device puts back every acknowledged edit it lost', async () => {
    const s = await sceneUpToTheLoss()
    copyDb(s.backup, s.dataDir, false) // the disk is replaced from last night's backup; the head mark survives
    const restored = await boot(s.dataDir, s.port)
    expect(logs.some((l) => l.includes('restored from a backup'))).toBe(true)
    expect(onRelay(restored, s.after).share.size).toBe(0) // lost indeed
    await expectEverythingBack(s)
    expect(s.worker.store.relayMark.epoch).toBe(restored.storage.epoch())
  })

  it('with the whole data directory restored, a head behind the device cursor is enough', async () => {
    const s = await sceneUpToTheLoss()
    const epoch = s.worker.store.relayMark.epoch
    copyDb(s.backup, s.dataDir, true)
    const restored = await boot(s.dataDir, s.port)
    expect(restored.storage.epoch()).toBe(epoch) // nothing for the relay to notice
    await expectEverythingBack(s)
  })

  it('after others wrote past the device cursor, the admin rotate-epoch command still brings it back', async () => {
    const s = await sceneUpToTheLoss()
    s.worker.engine.stop() // the tablet stays offline for a while
    copyDb(s.backup, s.dataDir, true)
    const r = await boot(s.dataDir, s.port)
    // Another device writes enough that the relay's head passes everything the tablet has seen.
    const other = makeDevice(syncUrl(r), (await login(r.url, 'dong.supervisor')).token)
    devices.push(other)
    for (let i = 0; i < 20; i++) note(other, newCase(), `다른 기기 기록 ${i}`)
    other.engine.start()
    await settled(other, 'other device')
    other.engine.close()
    expect(r.storage.headSeq()).toBeGreaterThan(s.worker.store.relayMark.seenSeq)
    await stop()
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/admin.ts', 'rotate-epoch'], {
      cwd: ROOT, env: { ...process.env, DATA_DIR: s.dataDir }, encoding: 'utf8', timeout: 30_000,
    })
    expect(cli.status, cli.stderr).toBe(0)
    await boot(s.dataDir, s.port)
    s.worker.engine.start()
    await expectEverythingBack(s)
  })

  it('an ordinary reconnect re-sends nothing', async () => {
    const dataDir = tempDir()
    const r = await boot(dataDir)
    const d = makeDevice(syncUrl(r), (await login(r.url, 'dong.worker')).token)
    devices.push(d)
    note(d, newCase(), '방문 기록')
    d.engine.start()
    await settled(d, 'device')
    const port = r.port
    await stop()
    await boot(dataDir, port)
    await waitFor(() => d.engine.status.get().state === 'upToDate', 'reconnected', 15_000)
    expect(d.store.log.filter((l) => l.startsWith('requeue:'))).toEqual([])
    expect(d.store.pendingCount()).toBe(0)
  })
})
