import 'fake-indexeddb/auto'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  addMember,
  createCase,
  createVisit,
  getCaseFile,
  setNeed,
  setText,
  updateHousehold,
  updateVisit,
} from '../../../src/store'
import { getDb } from '../../../src/store/db'
import { caseInput, reopen, useFreshStore } from './helpers'
import { decodeFromStorage } from '../../../src/store/docCodec'

describe('store round-trip', () => {
  useFreshStore()

  it('keeps an identical case file after closing the database and every doc', async () => {
    const id = await createCase(caseInput())
    await updateHousehold(id, { phone: '02-123-4567', note: '2층' })
    const memberId = await addMember(id, { name: '박서준', birthDate: '2010-05-05' })
    await setNeed(id, 'health', { urgency: 4, importance: 5 })
    await setText(id, ['assessment', 'needs', 'health', 'note'], '무릎 통증')
    const visitId = await createVisit(id, { contact: 'met', visitedAt: '2026-11-20T05:00:00.000Z', visitors: ['담당자'], crisisSigns: ['billArrears'] })
    await setText(id, ['visits', visitId, 'observations'], '집이 춥다')
    await setText(id, `visits.${visitId}.observations`, '집이 많이 춥다. 전기요금 체납.')
    await updateVisit(id, visitId, { nextVisitDate: '2026-12-01', contact: 'reached' })
    const before = await getCaseFile(id)
    expect(before?.members.map((m) => m.id)).toContain(memberId)
    expect(before?.visits[0]?.observations).toBe('집이 많이 춥다. 전기요금 체납.')
    expect(before?.household.phone).toBe('021234567')

    await reopen()
    const after = await getCaseFile(id)
    expect(after).toEqual(before)
  })

  it('stores one row per local update, never more than it needs to rebuild', async () => {
    const id = await createCase(caseInput())
    const visitId = await createVisit(id, { contact: 'met' })
    let text = ''
    for (const ch of '안녕하세요') {
      text += ch
      await setText(id, ['visits', visitId, 'observations'], text)
    }
    const all = (await getDb().updates.toArray()).filter((r) => r.docName === `case/${id}`)
    expect(all.length).toBe(7)
    expect(all.every((r) => r.acked === 0)).toBe(true)
    const doc = new Y.Doc()
    for (const r of all) Y.applyUpdate(doc, await decodeFromStorage(getDb().key, r.docName, r.bytes))
    const visits = doc.getMap('visits').get(visitId) as Y.Map<unknown>
    expect(String(visits.get('observations'))).toBe('안녕하세요')
  })
})
