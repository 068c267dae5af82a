import 'fake-indexeddb/auto'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { countUnsynced, createCase, createDexieSyncStore, createVisit, getCaseFile, setText } from '../../../src/store'
import { listRejected } from '../../../src/store/hooks'
import { getDb } from '../../../src/store/db'
import { EMPTY_STATE } from '../../../src/sync/beyondRelay'
import { MsgType, decodeMessage, encodeMessage } from '../../../src/sync/protocol'
import { caseInput, reopen, useFreshStore } from './helpers'
import { readCaseRow } from '../../../src/store/projection'
import { decodeFromStorage } from '../../../src/store/docCodec'

describe('Dexie sync store', () => {
  useFreshStore()

  it('gives pending updates oldest first and forgets them once acknowledged', async () => {
    const sync = createDexieSyncStore()
    const a = await createCase(caseInput())
    const b = await createCase(caseInput({ members: [{ name: '박지성' }] }))
    await createVisit(a, { contact: 'met' })
    const pending = await sync.pendingUpdates(10)
    expect(pending.map((p) => p.name)).toEqual([`case/${a}`, `case/${b}`, `case/${a}`])
    expect(pending.map((p) => p.localId)).toEqual([...pending.map((p) => p.localId)].sort((x, y) => x - y))
    expect(await sync.pendingUpdates(2)).toHaveLength(2)
    expect(await countUnsynced()).toBe(2)

    await sync.markAcked([pending[1]?.localId as number])
    expect(await countUnsynced()).toBe(1) // b is fully acknowledged, a is not
    expect((await sync.pendingUpdates(10)).map((p) => p.localId)).toEqual([pending[0]?.localId, pending[2]?.localId])
    await sync.markAcked([pending[0]?.localId as number, pending[2]?.localId as number])
    expect(await sync.pendingUpdates(10)).toEqual([])
    expect(await countUnsynced()).toBe(0)
  })

  it('keeps rejected updates on the device, out of pending, and reports the document', async () => {
    const sync = createDexieSyncStore()
    const id = await createCase(caseInput())
    const [first] = await sync.pendingUpdates(10)
    await sync.markRejected([first?.localId as number], 'forbidden', '이 문서를 바꿀 권한이 없습니다.')
    expect(await sync.pendingUpdates(10)).toEqual([])
    expect(await getDb().updates.count()).toBe(1)
    expect(await countUnsynced()).toBe(1) // still not on the relay
    expect(await listRejected()).toEqual([
      { name: `case/${id}`, kind: 'case', caseId: id, count: 1, message: '이 문서를 바꿀 권한이 없습니다.' },
    ])
    expect(await getCaseFile(id)).toBeDefined()
  })

  it('keeps device id and cursor across restarts', async () => {
    const sync = createDexieSyncStore()
    const deviceId = await sync.getDeviceId()
    expect(deviceId).toMatch(/^[0-9a-f-]{36}$/)
    expect(await sync.getCursor()).toBe(0)
    await sync.setCursor(1234)
    await reopen()
    const again = createDexieSyncStore()
    expect(await again.getDeviceId()).toBe(deviceId)
    expect(await again.getCursor()).toBe(1234)
  })

  it('keeps the relay mark across restarts', async () => {
    const sync = createDexieSyncStore()
    expect(await sync.getRelayMark()).toEqual({ epoch: 0, seenSeq: 0 })
    await sync.setRelayMark({ epoch: 2 ** 40 + 3, seenSeq: 88 })
    await reopen()
    expect(await createDexieSyncStore().getRelayMark()).toEqual({ epoch: 2 ** 40 + 3, seenSeq: 88 })
  })

  it('after a relay restore, queues only the acknowledged content the relay lacks', async () => {
    const sync = createDexieSyncStore()
    const ackAll = async () => sync.markAcked((await sync.pendingUpdates(100)).map((p) => p.localId))
    const merged = async (name: string) => {
      const d = new Y.Doc()
      for (const r of await getDb().updates.where('docName').equals(name).toArray()) Y.applyUpdate(d, await decodeFromStorage(getDb().key, name, r.bytes))
      return d
    }
    const a = await createCase(caseInput())
    const nameA = `case/${a}`
    await ackAll()
    const backup = Y.encodeStateAsUpdate(await merged(nameA)) // what the restored relay still has
    const visit = await createVisit(a, { contact: 'met' })
    await setText(a, ['visits', visit, 'observations'], '보일러 고장, 수리 연계 필요')
    await ackAll()
    const b = await createCase(caseInput({ members: [{ name: '미전송' }] })) // still pending: goes out anyway
    const nameB = `case/${b}`

    expect((await sync.heldDocNames()).sort()).toEqual([nameA, nameB].sort())
    expect(await sync.requeueBeyondRelay([{ name: nameA, update: Y.encodeStateAsUpdate(await merged(nameA)) }])).toBe(0)
    const pendingBefore = (await sync.pendingUpdates(100)).length
    expect(await sync.requeueBeyondRelay([{ name: nameB, update: EMPTY_STATE }])).toBe(0)
    expect(await sync.requeueBeyondRelay([{ name: nameA, update: backup }])).toBe(1)

    const queued = (await sync.pendingUpdates(100)).filter((p) => p.name === nameA)
    expect(queued).toHaveLength(1)
    expect((await sync.pendingUpdates(100)).length).toBe(pendingBefore + 1)
    const relay = new Y.Doc()
    Y.applyUpdate(relay, backup)
    Y.applyUpdate(relay, queued[0]!.update)
    expect(Y.encodeStateVector(relay)).toEqual(Y.encodeStateVector(await merged(nameA)))
    expect(await countUnsynced()).toBe(2)
  })

  it('stores relay documents as acknowledged, answers state vectors and removes revoked documents', async () => {
    const sync = createDexieSyncStore()
    // A case made on another device.
    const remote = new Y.Doc()
    const other = await createCase(caseInput({ members: [{ name: '원격사례' }] }))
    const otherName = `case/${other}`
    for (const r of await getDb().updates.toArray()) Y.applyUpdate(remote, await decodeFromStorage(getDb().key, r.docName, r.bytes))
    await sync.removeDocs([otherName])
    expect(await getDb().updates.count()).toBe(0)
    expect(await getDb().cases.count()).toBe(0)
    expect(await sync.stateVector(otherName)).toBeNull()

    await sync.applyRemote([{ name: otherName, update: Y.encodeStateAsUpdate(remote) }])
    expect(await sync.pendingUpdates(10)).toEqual([])
    expect(await countUnsynced()).toBe(0)
    expect((await readCaseRow(other))?.summary.headName).toBe('원격사례')
    expect(Array.from((await sync.stateVector(otherName)) ?? [])).toEqual(Array.from(Y.encodeStateVector(remote)))
    expect((await getCaseFile(other))?.members[0]?.name).toBe('원격사례')

    await sync.removeDocs([otherName])
    expect(await getCaseFile(other)).toBeUndefined()
    expect(await getDb().docs.count()).toBe(0)
  })

  it('applies a page of 200 documents in one go', async () => {
    const sync = createDexieSyncStore()
    const items = []
    for (let i = 0; i < 200; i++) {
      const doc = new Y.Doc()
      doc.getMap('meta').set('id', `x${i}`)
      items.push({ name: `report/${crypto.randomUUID()}`, update: Y.encodeStateAsUpdate(doc) })
    }
    await sync.applyRemote(items)
    expect(await getDb().updates.count()).toBe(200)
    expect(await getDb().docs.count()).toBe(200)
  })

  it('stores each update of a decoded sync page by itself, not the whole page buffer', async () => {
    const sync = createDexieSyncStore()
    const items = Array.from({ length: 3 }, (_, i) => {
      const doc = new Y.Doc()
      doc.getText('t').insert(0, '방문 기록 '.repeat(50 + i))
      return { name: `report/${crypto.randomUUID()}`, update: Y.encodeStateAsUpdate(doc) }
    })
    // What the engine hands over: views into one frame's buffer, as lib0 decodes them.
    const page = decodeMessage(encodeMessage({ type: MsgType.Docs, items, cursor: 1 }))
    if (page.type !== MsgType.Docs) throw new Error('not a page')
    expect(page.items[0]?.update.buffer.byteLength).toBeGreaterThan(page.items[0]?.update.byteLength ?? 0)
    await sync.applyRemote(page.items)
    const rows = await getDb().updates.toArray()
    // Format byte, IV and tag around each update's own ciphertext: never the page buffer.
    const SEAL_OVERHEAD = 1 + 12 + 16
    expect(rows.map((r) => r.bytes.buffer.byteLength).sort((a, b) => a - b)).toEqual(items.map((i) => i.update.byteLength + SEAL_OVERHEAD).sort((a, b) => a - b))
    for (const it of items) {
      const row = rows.find((r) => r.docName === it.name)
      const doc = new Y.Doc()
      Y.applyUpdate(doc, row ? await decodeFromStorage(getDb().key, row.docName, row.bytes) : new Uint8Array())
      const original = new Y.Doc()
      Y.applyUpdate(original, it.update)
      expect(doc.getText('t').toString()).toBe(original.getText('t').toString())
    }
  })

  it('signals local changes and not relay ones', async () => {
    const sync = createDexieSyncStore()
    let calls = 0
    const stop = sync.onLocalChange(() => calls++)
    const id = await createCase(caseInput())
    expect(calls).toBe(1)
    const visitId = await createVisit(id, { contact: 'met' })
    await setText(id, ['visits', visitId, 'observations'], '가')
    expect(calls).toBe(3)
    const remote = new Y.Doc()
    remote.getMap('meta').set('id', 'r')
    await sync.applyRemote([{ name: `brief/${crypto.randomUUID()}`, update: Y.encodeStateAsUpdate(remote) }])
    expect(calls).toBe(3)
    stop()
    await createVisit(id, { contact: 'met' })
    expect(calls).toBe(3)
  })
})
