// Merges are not attacks: two devices make edits that are each valid (one sets 제외, the other clears the
// reason) and merge into a case file that breaks a rule. The relay accepts both pushes, and the case still
// reads on every device and on the relay; the rule is asked again at the next command (checkTransition).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkTransition } from '../../../src/domain'
import { readCaseFile, writeNewCase, writeOptional } from '../../../src/store/caseDoc'
import { makeCaseFile } from '../../unit/domain/fixtures'
import { startTestRelay, type TestRelay } from '../../support/relay'
import { makeDevice, settled, type TestDevice } from '../../support/syncDevice'
import { login } from '../../support/users'
import { waitFor } from '../../support/wait'

let relay: TestRelay
const devices: TestDevice[] = []
beforeEach(async () => {
  relay = await startTestRelay()
})
afterEach(async () => {
  for (const d of devices.splice(0)) d.engine.close()
  await relay.dispose()
})

describe('an invalid merge of two valid edits', () => {
  it('is accepted from both devices and reads everywhere', async () => {
    const worker = makeDevice(relay.syncUrl, (await login(relay.httpUrl, 'dong.worker')).token)
    const supervisor = makeDevice(relay.syncUrl, (await login(relay.httpUrl, 'dong.supervisor')).token)
    devices.push(worker, supervisor)
    const id = crypto.randomUUID()
    const name = `case/${id}`
    const cf = makeCaseFile({
      meta: { schemaVersion: 1, id, createdAt: '2026-11-01T09:00:00+09:00', stage: 'selection', level: 'general' },
      selection: { kind: 'linkage', decidedAt: '2026-11-10', reason: '주거 지원 연계' },
    })
    worker.store.edit(name, (doc) => writeNewCase(doc, cf))
    worker.engine.start()
    supervisor.engine.start()
    await settled(worker, 'worker')
    await waitFor(() => supervisor.store.docs.get(name)?.getMap('selection').get('reason') === '주거 지원 연계', 'supervisor has the case')

    // In one tick, so neither device has seen the other's edit: each is a valid setSelection.
    const excluded = worker.store.edit(name, (doc) =>
      writeOptional(doc, 'selection', { kind: 'excluded', decidedAt: '2026-11-10', reason: '주거 지원 연계' }))
    const cleared = supervisor.store.edit(name, (doc) =>
      writeOptional(doc, 'selection', { kind: 'linkage', decidedAt: '2026-11-10' }))
    await settled(worker, 'worker')
    await settled(supervisor, 'supervisor')
    expect(worker.store.rowState(excluded)).toBe('acked')
    expect(supervisor.store.rowState(cleared)).toBe('acked')

    const relayDoc = new Y.Doc()
    Y.applyUpdate(relayDoc, relay.storage.mergedState(name)!)
    const merged = { kind: 'excluded', decidedAt: '2026-11-10' }
    await waitFor(() => supervisor.store.docs.get(name)?.getMap('selection').get('kind') === 'excluded', 'supervisor merged')
    await waitFor(() => worker.store.docs.get(name)?.getMap('selection').get('reason') === undefined, 'worker merged')
    for (const doc of [relayDoc, worker.store.docs.get(name)!, supervisor.store.docs.get(name)!]) {
      const read = readCaseFile(doc)
      expect(read.selection).toEqual(merged)
      expect(checkTransition(read, 'closed')).toMatchObject({ ok: false })
    }
  })
})
