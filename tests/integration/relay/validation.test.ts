// Content validation on the relay: an update is applied to the stored state and checked before it is
// stored; a refusal is a per-update reject with a Korean reason and an access record, and the document
// stays readable. Real relay on 127.0.0.1, real SQLite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readCaseFile, writeNewCase } from '../../../src/store/caseDoc'
import { makeCaseFile } from '../../unit/domain/fixtures'
import { Device, login, testRelay } from './helpers'

let relay: Awaited<ReturnType<typeof testRelay>>
let device: Device
let name: string

beforeEach(async () => {
  relay = await testRelay()
  device = await Device.connect(relay.url, await login(relay.url, 'dong.worker'))
  await device.feed()
  const id = crypto.randomUUID()
  name = `case/${id}`
  const doc = new Y.Doc()
  writeNewCase(doc, makeCaseFile({ meta: { schemaVersion: 1, id, createdAt: '2026-11-01T09:00:00+09:00', stage: 'intake', level: 'general' } }))
  const [created] = await device.push([{ name, update: Y.encodeStateAsUpdate(doc) }])
  expect(created).toMatchObject({ ok: true })
})
afterEach(async () => {
  await device.close()
  await relay.close()
})

/** One edit by a new client on top of what the relay holds, as its update (independent of other edits). */
function edit(fn: (d: Y.Doc) => void): Uint8Array {
  const d = new Y.Doc()
  Y.applyUpdate(d, relay.storage.mergedState(name)!)
  const before = Y.encodeStateVector(d)
  d.transact(() => fn(d))
  return Y.encodeStateAsUpdate(d, before)
}

function storedCase() {
  const stored = new Y.Doc()
  Y.applyUpdate(stored, relay.storage.mergedState(name)!)
  return readCaseFile(stored)
}

describe('content validation of pushed updates', () => {
  it('refuses a full 주민등록번호, even split over two edits, and keeps the case readable', async () => {
    const text = (d: Y.Doc) => d.getMap('intake').get('presentingProblem') as Y.Text
    const first = edit((d) => text(d).insert(0, '주민번호 900101-1'))
    const [ok] = await device.push([{ name, update: first }])
    expect(ok).toMatchObject({ ok: true })
    const second = edit((d) => text(d).insert('주민번호 900101-1'.length, '234567 확인'))
    const [refused] = await device.push([{ name, update: second }])
    expect(refused).toMatchObject({ ok: false, code: 'bad-update' })
    expect(refused && !refused.ok && refused.message).toContain('주민등록번호')
    expect(storedCase().intake.presentingProblem).not.toContain('234567')
    const rows = relay.storage.queryAudit({ doc: name }).filter((r) => r.action === 'refused')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.detail).toBe('content=rrn')
  })

  it('refuses a wrong type in an entity and an unknown root, and accepts the rest of the batch', async () => {
    const badVisit = edit((d) => {
      const v = new Y.Map<unknown>()
      d.getMap('visits').set('v-bad', v)
      v.set('id', 'v-bad')
      v.set('visitedAt', 42)
    })
    const unknownRoot = edit((d) => d.getMap('secrets').set('x', 'y'))
    const fine = edit((d) => d.getMap('household').set('address', '서울특별시 서대문구 신촌로 2'))
    const results = await device.push([
      { name, update: badVisit },
      { name, update: unknownRoot },
      { name, update: fine },
    ])
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['bad-update', 'bad-update', 'ok'])
    expect(storedCase().household.address).toBe('서울특별시 서대문구 신촌로 2')
    const details = relay.storage.queryAudit({ doc: name }).filter((r) => r.action === 'refused').map((r) => r.detail)
    expect(details).toEqual(['content=shape', 'content=structure'])
  })

  it('accepts what a merge of honest edits can break: 제외 without its reason', async () => {
    const selected = edit((d) => {
      d.getMap('selection').set('kind', 'linkage')
      d.getMap('selection').set('decidedAt', '2026-11-10')
    })
    expect((await device.push([{ name, update: selected }]))[0]).toMatchObject({ ok: true })
    const excluded = edit((d) => d.getMap('selection').set('kind', 'excluded'))
    expect((await device.push([{ name, update: excluded }]))[0]).toMatchObject({ ok: true })
    expect(storedCase().selection).toEqual({ kind: 'excluded', decidedAt: '2026-11-10' })
  })
})
