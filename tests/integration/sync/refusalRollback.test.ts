// A refused update does not stay on the device. Two devices each type half of a (synthetic) 주민등록번호
// into the same case note while neither sees the other: each half passes the device's own check, the
// merge on the relay holds the whole number, and the relay refuses the second push. That device (the real
// store over fake-indexeddb, the real engine) rolls the note back to what the relay holds, keeps the
// refused text masked for the worker, and agrees with the relay and the other device.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { containsRrn } from '../../../src/domain'
import {
  closeStore, countUnsynced, createCase, createDexieSyncStore, getCaseFile, openStore, setText, whenAllWritten,
} from '../../../src/store'
import { caseDocName, readCaseFile } from '../../../src/store/caseDoc'
import { getDb } from '../../../src/store/db'
import { decodeMany } from '../../../src/store/docCodec'
import { openDocIfLoaded, readRows } from '../../../src/store/docStore'
import { listRefusedEdits } from '../../../src/store/refusedEdits'
import { createSyncEngine, type SyncEngine } from '../../../src/sync/engine'
import { CONTENT_MESSAGES } from '../../../sync-server/validateUpdate'
import { startTestRelay, type TestRelay } from '../../support/relay'
import { TEST_STORE_KEY } from '../../support/storeKey'
import { makeDevice, settled, type TestDevice } from '../../support/syncDevice'
import { login } from '../../support/users'
import { waitFor } from '../../support/wait'

let relay: TestRelay
let dbName = ''
const engines: SyncEngine[] = []
const devices: TestDevice[] = []
beforeEach(async () => {
  relay = await startTestRelay()
  dbName = `test-${crypto.randomUUID()}`
  openStore(dbName, TEST_STORE_KEY)
})
afterEach(async () => {
  for (const e of engines.splice(0)) e.close()
  for (const d of devices.splice(0)) d.engine.close()
  await whenAllWritten()
  closeStore()
  await Dexie.delete(dbName)
  await relay.dispose()
})

function storeEngine(token: string): SyncEngine {
  const engine = createSyncEngine({
    url: relay.syncUrl,
    store: createDexieSyncStore(),
    getToken: () => token,
    WebSocketImpl: WebSocket,
    backoffBaseMs: 50,
    backoffCapMs: 1000,
    retryMs: 500,
    heartbeatMs: 5000,
  })
  engines.push(engine)
  return engine
}

async function storedState(name: string): Promise<Y.Doc> {
  const db = getDb()
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.mergeUpdates(await decodeMany(db.key, name, (await readRows(db, name)).map((r) => r.bytes))))
  return doc
}

function relayState(name: string): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, relay.storage.mergedState(name)!)
  return doc
}

const svOf = (doc: Y.Doc) => Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(doc)))

describe('an update the relay refuses', () => {
  it('is rolled back on the device, which then agrees with the relay and the other device', async () => {
    const worker = storeEngine((await login(relay.httpUrl, 'dong.worker')).token)
    const other = makeDevice(relay.syncUrl, (await login(relay.httpUrl, 'dong.supervisor')).token)
    devices.push(other)

    const id = await createCase({
      household: { targetType: 'basic', address: '서울특별시 서대문구 신촌로 10' },
      members: [{ name: '한가람', birthDate: '1990-01-01', sexDigit: '1', isHead: true }],
      intake: { date: '2026-11-01', source: 'dongCenter', presentingProblem: '메모 - 확인' },
      level: 'general',
    })
    const name = caseDocName(id)
    worker.start()
    await waitFor(async () => worker.status.get().state === 'upToDate' && (await countUnsynced()) === 0, 'worker synced the case')
    other.engine.start()
    await waitFor(() => other.store.docs.get(name)?.getMap('intake').get('presentingProblem')?.toString() === '메모 - 확인', 'other has the case')

    // Neither sees the other's edit: the worker's device is offline.
    worker.stop()
    other.store.edit(name, (doc) => (doc.getMap('intake').get('presentingProblem') as Y.Text).insert(3, '900101 '))
    await settled(other, 'other')
    await setText(id, ['intake', 'presentingProblem'], '메모 - 1234568 확인')
    expect(containsRrn('메모 900101 - 1234568 확인')).toBe(true)

    worker.start()
    await waitFor(async () => (await listRefusedEdits()).length === 1, 'the refusal was kept')
    await waitFor(async () => worker.status.get().state === 'upToDate' && (await countUnsynced()) === 0, 'worker settled')

    const expected = '메모 900101 - 확인'
    // The open document is swapped for the rebuilt one just after the rollback's transaction.
    await waitFor(
      async () => (await getCaseFile(id).catch(() => undefined))?.intake.presentingProblem === expected,
      'the open case file was rebuilt',
    )
    const inMemory = openDocIfLoaded(name) as Y.Doc
    const stored = await storedState(name)
    const onRelay = relayState(name)
    const onOther = other.store.docs.get(name) as Y.Doc
    for (const doc of [inMemory, stored, onRelay, onOther]) {
      expect(doc.getMap('intake').get('presentingProblem')?.toString()).toBe(expected)
      expect(containsRrn(JSON.stringify(doc.toJSON()))).toBe(false)
    }
    expect(readCaseFile(stored)).toEqual(readCaseFile(onRelay))
    expect(readCaseFile(onOther)).toEqual(readCaseFile(onRelay))
    expect(svOf(stored)).toEqual(svOf(onRelay))
    expect(svOf(inMemory)).toEqual(svOf(onRelay))
    expect(await createDexieSyncStore().pendingUpdates(10)).toEqual([])

    const [kept] = await listRefusedEdits()
    expect(kept).toMatchObject({ caseId: id, headName: '한가람', code: 'bad-update', reason: CONTENT_MESSAGES.rrn })
    expect(kept?.text).toContain('1****** 확인')
    expect(containsRrn(kept?.text ?? '')).toBe(false)

    // The next edit on the device goes through: nothing refused is in its way any more.
    await setText(id, ['intake', 'presentingProblem'], '메모 900101 - 확인 완료')
    await waitFor(async () => (await countUnsynced()) === 0, 'the next edit was acknowledged')
    await waitFor(() => other.store.docs.get(name)?.getMap('intake').get('presentingProblem')?.toString() === '메모 900101 - 확인 완료', 'other got it')
    expect(relayState(name).getMap('intake').get('presentingProblem')?.toString()).toBe('메모 900101 - 확인 완료')
  })
})
