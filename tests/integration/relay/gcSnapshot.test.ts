// Deletion means deletion on the relay: a snapshot is rebuilt through a garbage-collecting Y.Doc, so
// text a worker deleted is gone from the stored bytes, while feeds, live updates and diffs still work.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { MsgType } from '../../../src/sync/protocol'
import type { RelayMessage } from '../../../src/sync/protocol'
import { openMemoryStorage } from '../../../sync-server/storage/memory'
import { makeDevice, settled, type TestDevice } from '../../support/syncDevice'
import { waitFor } from '../../support/wait'
import { Device, login, newDocName, testRelay, textUpdate, wsUrl } from './helpers'

const SECRET = 'SYNTHETIC-DELETED-4f1c 가짜주민번호 000000-0000000'
const KEPT_BEFORE = '방문 메모: 어르신 식사 상태 양호. '
const KEPT_AFTER = '다음 방문은 2주 뒤.'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay | null = null
const devices: TestDevice[] = []
afterEach(async () => {
  for (const d of devices.splice(0)) d.engine.close()
  await relay?.close()
  relay = null
})

const holds = (bytes: Uint8Array | Buffer | null | undefined, text: string): boolean =>
  Boolean(bytes) && Buffer.from(bytes!).includes(Buffer.from(text, 'utf8'))

async function device(r: Relay, username: string): Promise<TestDevice> {
  const d = makeDevice(`${wsUrl(r.url)}/sync`, await login(r.url, username))
  devices.push(d)
  d.engine.start()
  return d
}

describe('snapshots without deleted content', () => {
  it('the SQLite snapshot (and, after retention, the whole file) lacks the deleted text; devices still sync', async () => {
    relay = await testRelay()
    const r = relay
    const name = newDocName()
    const writer = await device(r, 'dong.worker')
    writer.store.edit(name, (doc) => doc.getText('note').insert(0, KEPT_BEFORE + SECRET + KEPT_AFTER))
    await settled(writer, 'write')
    writer.store.edit(name, (doc) => doc.getText('note').delete(KEPT_BEFORE.length, SECRET.length))
    await settled(writer, 'delete')
    const expected = KEPT_BEFORE + KEPT_AFTER

    expect(r.storage.compact(1, 100)).toBeGreaterThan(0)
    const db = new Database(path.join(r.dataDir, 'relay.sqlite'), { readonly: true })
    const snapshot = db.prepare('SELECT snapshot FROM docs WHERE name = ?').pluck().get(name) as Buffer
    expect(holds(snapshot, SECRET)).toBe(false)
    expect(holds(snapshot, KEPT_BEFORE.trim())).toBe(true)
    expect(holds(snapshot, KEPT_AFTER)).toBe(true)
    const fromSnapshot = new Y.Doc()
    Y.applyUpdate(fromSnapshot, snapshot)
    expect(fromSnapshot.getText('note').toString()).toBe(expected)
    // Same ids and clocks as the devices' copies: the state vector is unchanged.
    expect(Y.encodeStateVectorFromUpdate(snapshot)).toEqual(Y.encodeStateVector(writer.store.doc(name)))

    // Past retention the log goes; a device starting now gets the garbage-collected state.
    expect(r.storage.prune(Date.now() + 1000)).toBeGreaterThan(0)
    expect(db.prepare('SELECT count(*) FROM updates WHERE doc = ?').pluck().get(name)).toBe(0)
    db.close()
    const reader = await device(r, 'dong.supervisor')
    await settled(reader, 'reader')
    expect(reader.store.doc(name).getText('note').toString()).toBe(expected)
    expect(reader.store.received.some((it) => holds(it.update, SECRET))).toBe(false)

    // Edits after the snapshot flow both ways, and a state-vector diff works against it.
    writer.store.edit(name, (doc) => doc.getText('note').insert(0, '[확인] '))
    reader.store.edit(name, (doc) => doc.getText('note').insert(doc.getText('note').length, ' 끝.'))
    await settled(writer, 'writer again')
    await settled(reader, 'reader again')
    await waitFor(() => writer.store.doc(name).getText('note').toString() === `[확인] ${expected} 끝.`, 'writer converges')
    await waitFor(() => reader.store.doc(name).getText('note').toString() === `[확인] ${expected} 끝.`, 'reader converges')
    const raw = await Device.connect(r.url, await login(r.url, 'dong.worker'))
    raw.send({ type: MsgType.SvSync, requestId: 1, items: [{ name, sv: new Uint8Array([0]) }] })
    const diff = await raw.waitFor<Extract<RelayMessage, { type: typeof MsgType.Diff }>>((m) => m.type === MsgType.Diff)
    const rebuilt = new Y.Doc()
    Y.applyUpdate(rebuilt, diff.items[0]!.update)
    expect(rebuilt.getText('note').toString()).toBe(`[확인] ${expected} 끝.`)
    await raw.close()

    // secure_delete: the freed pages that held the old snapshot and log were zeroed, not just unlinked.
    for (const d of devices.splice(0)) d.engine.close()
    await r.close()
    relay = null
    const file = fs.readFileSync(path.join(r.dataDir, 'relay.sqlite'))
    expect(holds(file, SECRET)).toBe(false)
    expect(holds(file, KEPT_AFTER)).toBe(true)
  })

  it('the memory storage compacts through the same garbage collection', () => {
    const storage = openMemoryStorage()
    const name = newDocName()
    const doc = new Y.Doc()
    const updates: Uint8Array[] = [textUpdate(`${KEPT_BEFORE}${SECRET}`, doc)]
    doc.on('update', (u: Uint8Array) => updates.push(u))
    doc.getText('note').delete(KEPT_BEFORE.length, SECRET.length)
    storage.appendUpdates(updates.map((update) => ({ name, update, userId: 'u', deviceId: 'd', ownerTeam: 't' })), Date.now())
    expect(holds(storage.mergedState(name), SECRET)).toBe(true) // merging alone keeps deleted text
    expect(storage.compact(1, 10)).toBe(1)
    const state = storage.mergedState(name)
    expect(holds(state, SECRET)).toBe(false)
    const check = new Y.Doc()
    Y.applyUpdate(check, state!)
    expect(check.getText('note').toString()).toBe(KEPT_BEFORE)
  })
})
