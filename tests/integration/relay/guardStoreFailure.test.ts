// A write the database refuses must never be acknowledged: the relay answers `server` (not ok) and the
// device keeps the update pending, then delivers it once the database takes writes again (issue 8).
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../src/sync/protocol'
import { makeDevice, settled, type TestDevice } from '../../support/syncDevice'
import { sleep, waitFor } from '../../support/wait'
import { Device, login, newDocName, testRelay, textOf, textUpdate, wsUrl } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay | null = null
let devices: TestDevice[] = []
afterEach(async () => {
  for (const d of devices) d.engine.close()
  devices = []
  await relay?.close()
  relay = null
})

/** A second connection to the relay's file installs a trigger that makes every log insert fail. */
function breakWrites(r: Relay): { repair(): void } {
  const db = new Database(path.join(r.dataDir, 'relay.sqlite'))
  db.exec(`CREATE TRIGGER guard_fail_insert BEFORE INSERT ON updates BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END`)
  return {
    repair() {
      db.exec('DROP TRIGGER guard_fail_insert')
      db.close()
    },
  }
}

describe('a failed database write', () => {
  it('is answered `server`, not acknowledged, and nothing of the batch is stored', async () => {
    relay = await testRelay()
    const token = await login(relay.url, 'dong.worker')
    const d = await Device.connect(relay.url, token)
    await d.feed()
    const head = relay.storage.headSeq()
    const broken = breakWrites(relay)
    const a = newDocName()
    const b = newDocName()
    const results = await d.push([
      { name: a, update: textUpdate('저장 실패 1') },
      { name: b, update: textUpdate('저장 실패 2') },
    ])
    expect(results.map((r) => r.ok)).toEqual([false, false])
    expect(results.map((r) => (r.ok ? null : r.code))).toEqual([ErrorCode.Server, ErrorCode.Server])
    expect(relay.storage.headSeq()).toBe(head)
    expect(relay.storage.mergedState(a)).toBeNull()
    expect(relay.storage.docAccess(b)).toBeNull()
    broken.repair()
    const [again] = await d.push([{ name: a, update: textUpdate('저장 성공') }])
    expect(again).toMatchObject({ ok: true })
    expect(textOf([relay.storage.mergedState(a)!])).toBe('저장 성공')
    await d.close()
  })

  it('leaves the update pending on the device (not acked, not refused), and it is delivered once writes work again', async () => {
    const lines: string[] = []
    relay = await testRelay({ log: (line) => lines.push(line) })
    const device = makeDevice(`${wsUrl(relay.url)}/sync`, await login(relay.url, 'dong.worker'), { retryMs: 200 })
    devices.push(device)
    device.engine.start()
    await settled(device, 'first sync')
    const broken = breakWrites(relay)
    const name = newDocName()
    const localId = device.store.edit(name, (doc) => doc.getText('note').insert(0, '디스크가 가득 찼을 때의 메모'))
    await waitFor(() => lines.some((l) => l.startsWith('store failed')), 'the relay failed to store the push', 5000)
    await sleep(300) // the Ack has arrived and been settled
    expect(device.store.rowState(localId)).toBe('pending')
    expect(relay.storage.mergedState(name)).toBeNull()
    broken.repair()
    await waitFor(() => device.store.rowState(localId) === 'acked', 'delivered after repair', 15_000)
    expect(textOf([relay.storage.mergedState(name)!])).toBe('디스크가 가득 찼을 때의 메모')
  })
})
