// `npm run admin -- rollback --doc D --to-seq N` against a real relay and its SQLite file: a new update
// restores the state after seq N (history kept), a device converges by normal sync, the admin log has it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readCaseFile, writeNewCase } from '../../../src/store/caseDoc'
import { makeCaseFile, makeVisit } from '../../unit/domain/fixtures'
import { runAdmin } from '../../support/adminCli'
import { Device, login, testRelay } from './helpers'

let relay: Awaited<ReturnType<typeof testRelay>>
const open: Device[] = []
beforeEach(async () => {
  relay = await testRelay()
})
afterEach(async () => {
  for (const d of open.splice(0)) await d.close()
  await relay.close()
})

function caseOf(state: Uint8Array) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return readCaseFile(doc)
}

describe('admin rollback', () => {
  it('restores the state after a given seq with a new update that devices receive', async () => {
    const device = await Device.connect(relay.url, await login(relay.url, 'dong.worker'))
    open.push(device)
    await device.feed()
    const id = crypto.randomUUID()
    const name = `case/${id}`
    const doc = new Y.Doc()
    const edit = async (fn: (d: Y.Doc) => void) => {
      const sv = Y.encodeStateVector(doc)
      doc.transact(() => fn(doc))
      const [r] = await device.push([{ name, update: Y.encodeStateAsUpdate(doc, sv) }])
      if (!r?.ok) throw new Error('push refused')
      return r.seq
    }
    const created = await edit((d) => writeNewCase(d, makeCaseFile({
      meta: { schemaVersion: 1, id, createdAt: '2026-11-01T09:00:00+09:00', stage: 'intake', level: 'general' },
    })))
    const goodAddress = caseOf(relay.storage.mergedState(name)!).household.address
    await edit((d) => d.getMap('household').set('address', '잘못 입력한 주소'))
    await edit((d) => {
      const v = makeVisit({ id: 'v-late' })
      const m = new Y.Map<unknown>()
      d.getMap('visits').set(v.id, m)
      for (const [k, val] of Object.entries(v)) m.set(k, k === 'observations' ? new Y.Text(String(val)) : val)
      ;(d.getMap('intake').get('presentingProblem') as Y.Text).insert(0, '덧붙임 ')
    })
    const head = relay.storage.headSeq()
    const logBefore = relay.storage.updatesSince(name, 0).length

    const run = runAdmin(relay.dataDir, ['rollback', '--doc', name, '--to-seq', String(created)])
    expect(run.code, run.out).toBe(0)

    const after = caseOf(relay.storage.mergedState(name)!)
    expect(after.household.address).toBe(goodAddress)
    expect(after.visits).toEqual([])
    expect(after.intake.presentingProblem).not.toContain('덧붙임')
    expect(relay.storage.updatesSince(name, 0)).toHaveLength(logBefore + 1) // appended, nothing rewritten
    expect(relay.storage.headSeq()).toBe(head + 1)

    const other = await Device.connect(relay.url, await login(relay.url, 'dong.supervisor'), 0, 'tablet-B')
    open.push(other)
    const feed = await other.feed()
    const got = new Y.Doc()
    for (const item of feed.items.filter((i) => i.name === name)) Y.applyUpdate(got, item.update)
    expect(readCaseFile(got)).toEqual(after)

    const logged = relay.storage.adminLog(0, Date.now() + 1000).filter((r) => r.action === 'rollback')
    expect(logged).toHaveLength(1)
    expect(logged[0]!.target).toBe(name)
    expect(logged[0]!.detail).toContain(`to-seq=${created}`)
  })

  it('refuses an unknown document and a bad seq without writing', async () => {
    const bad = runAdmin(relay.dataDir, ['rollback', '--doc', `case/${crypto.randomUUID()}`, '--to-seq', '1'])
    expect(bad.code).toBe(2)
    expect(bad.out).toContain('없는 문서')
    expect(runAdmin(relay.dataDir, ['rollback', '--doc', 'case/x', '--to-seq', 'abc']).code).toBe(2)
  })
})
