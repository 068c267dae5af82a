// Issue 9: device A deletes a visit while device B, offline, edits that visit (a field and its text)
// and other records of the case. Both reconnect through a real relay, in either order. Documented
// result (docs/CONTRACTS.md, "Edit and delete"): the delete wins on every device, and every other
// change B made (another visit, a conference, the household) is kept.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildNewCase } from '../../../src/store/caseCommands'
import { applyTextDiff, childMap, readCaseFile, rootMap, textAt, writeEntity, writeNewCase } from '../../../src/store/caseDoc'
import { deleteEntity } from '../../../src/store/recordEdits'
import type { CaseFile, Conference, VisitNote } from '../../../src/domain'
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

const visit = (id: string, visitedAt: string, observations: string): VisitNote => ({
  id,
  visitedAt,
  visitors: ['김복지'],
  kind: 'solo',
  contact: 'met',
  welfareCheck: '',
  health: '',
  housing: '',
  crisisSigns: [],
  observations,
  nextSteps: '',
})

function seedCase(): CaseFile {
  const cf = buildNewCase({
    household: { targetType: 'basic', address: '서울특별시 서대문구 신촌로 10' },
    members: [{ name: '김민수', birthDate: '1950-03-02', sexDigit: '1' }],
    intake: { date: '2026-11-01', source: 'dongCenter', presentingProblem: '난방비 체납' },
    level: 'general',
  })
  const conference: Conference = { id: crypto.randomUUID(), kind: 'internal', date: '2026-11-03', attendees: [], decision: 'continue', notes: '첫 회의' }
  return {
    ...cf,
    conferences: [conference],
    visits: [
      visit(crypto.randomUUID(), '2026-11-05T01:00:00.000Z', '보일러 고장'),
      visit(crypto.randomUUID(), '2026-11-12T01:00:00.000Z', '보일러 수리 완료'),
    ],
  }
}

/** What the store's setText does to an entity's Y.Text. */
function setEntityText(doc: Y.Doc, collection: 'visits' | 'conferences', id: string, key: string, value: string): void {
  applyTextDiff(textAt(childMap(rootMap(doc, collection), id), key), value)
}

describe('delete on one device, edit of the same record on another (issue 9)', () => {
  it.each([
    ['the deleting device first', 0],
    ['the editing device first', 1],
  ])('converge with the delete winning and nothing else lost, %s', async (_label, firstIndex) => {
    const a = makeDevice(relay.syncUrl, (await login(relay.httpUrl, 'dong.worker')).token)
    const b = makeDevice(relay.syncUrl, (await login(relay.httpUrl, 'dong.supervisor')).token)
    devices.push(a, b)
    const seed = seedCase()
    const name = `case/${seed.meta.id}`
    const [gone, kept] = seed.visits as [VisitNote, VisitNote]
    const conference = seed.conferences[0] as Conference

    a.store.edit(name, (doc) => writeNewCase(doc, seed))
    a.engine.start()
    await settled(a, 'A')
    b.engine.start()
    await waitFor(() => b.store.doc(name).getMap('visits').size === 2, 'B has the case')
    await settled(b, 'B')
    a.engine.stop()
    b.engine.stop()

    // Offline. A deletes the visit (what removeVisit writes).
    a.store.edit(name, (doc) => deleteEntity(doc, 'visits', gone.id))
    // B edits that visit (updateVisit's whole-record write, setText's diff), another visit, a conference
    // and the household.
    const edited: VisitNote = { ...gone, contact: 'noAnswer', nextVisitDate: '2026-11-19' }
    b.store.edit(name, (doc) => {
      writeEntity(doc, 'visits', edited)
      setEntityText(doc, 'visits', gone.id, 'observations', '보일러 고장. 집주인에게 연락함.')
    })
    b.store.edit(name, (doc) => {
      setEntityText(doc, 'visits', kept.id, 'observations', '보일러 수리 완료. 난방 확인.')
      setEntityText(doc, 'conferences', conference.id, 'notes', '첫 회의 — 방문 주기 2주')
      rootMap(doc, 'household').set('phone', '0212345678')
    })

    // Before syncing, each device sees its own change.
    expect(readCaseFile(a.store.doc(name)).visits.map((v) => v.id)).toEqual([kept.id])
    expect(readCaseFile(b.store.doc(name)).visits.find((v) => v.id === gone.id)).toMatchObject({
      contact: 'noAnswer',
      observations: '보일러 고장. 집주인에게 연락함.',
    })

    const order = firstIndex === 0 ? [a, b] : [b, a]
    order[0]!.engine.start()
    await settled(order[0]!, 'first')
    order[1]!.engine.start()
    await settled(order[1]!, 'second')
    await waitFor(
      () => Y.encodeStateVector(a.store.doc(name)).toString() === Y.encodeStateVector(b.store.doc(name)).toString(),
      'same state on both devices',
    )
    // Nothing was refused by the relay's content checks.
    expect(a.store.outbox.concat(b.store.outbox).filter((r) => r.state === 'rejected')).toEqual([])

    const onA = readCaseFile(a.store.doc(name))
    const onB = readCaseFile(b.store.doc(name))
    expect(onB).toEqual(onA)
    // The delete wins: the visit is gone everywhere, B's field and text edits of it with it.
    expect(onA.visits.map((v) => v.id)).toEqual([kept.id])
    expect(a.store.doc(name).getMap('visits').has(gone.id)).toBe(false)
    // Everything else B changed is there, and nothing else was lost.
    expect(onA.visits[0]).toEqual({ ...kept, observations: '보일러 수리 완료. 난방 확인.' })
    expect(onA.conferences).toEqual([{ ...conference, notes: '첫 회의 — 방문 주기 2주' }])
    expect(onA.household).toEqual({ ...seed.household, phone: '0212345678' })
    expect(onA.members).toEqual(seed.members)
    expect(onA.intake).toEqual(seed.intake)
    expect(onA.history).toEqual(seed.history)
  })
})
