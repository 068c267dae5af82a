// Two devices edit the same case offline (one map field, one Y.Text) and reconnect in either order.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startTestRelay, type TestRelay } from '../../support/relay'
import { storedValues } from '../../support/storedHistory'
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

const household = (d: TestDevice, name: string): Y.Map<unknown> => d.store.doc(name).getMap('household')
const note = (d: TestDevice, name: string): Y.Text => d.store.doc(name).getMap('intake').get('presentingProblem') as Y.Text

describe('two devices edit one case offline', () => {
  it.each([
    ['worker first', 0],
    ['supervisor first', 1],
  ])('converge when they reconnect %s', async (_label, firstIndex) => {
    const worker = makeDevice(relay.syncUrl, (await login(relay.httpUrl, 'dong.worker')).token)
    const supervisor = makeDevice(relay.syncUrl, (await login(relay.httpUrl, 'dong.supervisor')).token)
    devices.push(worker, supervisor)
    const name = `case/${crypto.randomUUID()}`

    worker.store.edit(name, (doc) => {
      doc.getMap('household').set('address', '서울 서대문구 신촌로 1')
      doc.getMap('intake').set('presentingProblem', new Y.Text('월세 체납으로 상담 요청.'))
    })
    worker.engine.start()
    await settled(worker, 'worker')
    supervisor.engine.start()
    await waitFor(() => note(supervisor, name)?.toString() === '월세 체납으로 상담 요청.', 'supervisor has the case')
    worker.engine.stop()
    supervisor.engine.stop()

    // Offline on both: the same field, and the same note text at different places.
    worker.store.edit(name, () => {
      household(worker, name).set('phone', '010-1111-2222')
      note(worker, name).insert(note(worker, name).length, ' 담당자 방문 예정.')
    })
    supervisor.store.edit(name, () => {
      household(supervisor, name).set('phone', '010-3333-4444')
      note(supervisor, name).insert(0, '[긴급] ')
    })

    const order = firstIndex === 0 ? [worker, supervisor] : [supervisor, worker]
    order[0]!.engine.start()
    await settled(order[0]!, 'first')
    order[1]!.engine.start()
    await settled(order[1]!, 'second')
    await waitFor(
      () => Y.encodeStateVector(worker.store.doc(name)).toString() === Y.encodeStateVector(supervisor.store.doc(name)).toString(),
      'same state on both devices',
    )

    const text = note(worker, name).toString()
    expect(text).toBe(note(supervisor, name).toString())
    expect(text).toContain('[긴급] ')
    expect(text).toContain(' 담당자 방문 예정.')
    expect(text).toContain('월세 체납으로 상담 요청.')
    const winner = household(worker, name).get('phone')
    expect(household(supervisor, name).get('phone')).toBe(winner)
    expect(['010-1111-2222', '010-3333-4444']).toContain(winner)
    const loser = winner === '010-1111-2222' ? '010-3333-4444' : '010-1111-2222'

    const history = storedValues(relay.storage, name)
    expect(history).toContain(loser)
    expect(history).toContain(winner)
  })
})
