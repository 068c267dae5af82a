// The relay's content check of the team document (src/store/teamDoc.ts): the directory and the 협력회의
// as the device writes them are stored; an unknown root, an entry that is not a record, or a field of the
// wrong shape is refused.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SEED_RESOURCES } from '../../../src/domain'
import { teamDocName, writeEntry } from '../../../src/store/teamDoc'
import { validateUpdate } from '../../../sync-server/validateUpdate'

const name = teamDocName('team-a')

function stored(): { doc: Y.Doc; state: Uint8Array } {
  const doc = new Y.Doc()
  doc.transact(() => {
    const { builtIn: _b, ...seed } = SEED_RESOURCES[0]!
    writeEntry(doc, 'resources', seed.id, { ...seed, contactName: '김복지 주무관', contactPhone: '0233301234', deleted: true })
    writeEntry(doc, 'resources', 'r1', { id: 'r1', name: '푸드뱅크', target: '', content: '식품 지원', provider: '구 푸드뱅크', domain: 'economy', sector: 'private', kind: 'material' })
    writeEntry(doc, 'meetings', 'm1', {
      id: 'm1', date: '2026-11-05', providers: [{ resourceId: 'r1', name: '구 푸드뱅크' }, { name: '보건소' }], attendees: ['김복지'], notes: '분기 협력회의',
    })
  })
  return { doc, state: Y.encodeStateAsUpdate(doc) }
}

function change(doc: Y.Doc, fn: (d: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc)
  fn(doc)
  return Y.encodeStateAsUpdate(doc, before)
}

const entry = (doc: Y.Doc, root: string, id: string) => doc.getMap<Y.Map<unknown>>(root).get(id)!

describe('team documents on the relay', () => {
  it('stores the directory and the meetings as a device writes them', () => {
    const { doc, state } = stored()
    expect(validateUpdate(name, null, state)).toEqual({ ok: true, summary: null })
    const edit = change(doc, (d) => entry(d, 'resources', 'r1').set('contactPhone', '01012345678'))
    expect(validateUpdate(name, state, edit).ok).toBe(true)
  })

  it('refuses a field of the wrong shape', () => {
    const { doc, state } = stored()
    const badSector = change(doc, (d) => entry(d, 'resources', 'r1').set('sector', 'government'))
    expect(validateUpdate(name, state, badSector)).toMatchObject({ ok: false, problem: 'shape', detail: expect.stringContaining('resources.r1.sector') })
    const { doc: doc2, state: state2 } = stored()
    const badDate = change(doc2, (d) => entry(d, 'meetings', 'm1').set('date', '2026-13-45'))
    expect(validateUpdate(name, state2, badDate)).toMatchObject({ ok: false, problem: 'shape' })
    const { doc: doc3, state: state3 } = stored()
    const badPhone = change(doc3, (d) => entry(d, 'resources', 'r1').set('contactPhone', '12'))
    expect(validateUpdate(name, state3, badPhone)).toMatchObject({ ok: false, problem: 'shape' })
  })

  it('refuses an unknown root, a list root and an entry that is not a record', () => {
    const { doc, state } = stored()
    expect(validateUpdate(name, state, change(doc, (d) => d.getMap('members').set('x', 1)))).toMatchObject({ ok: false, problem: 'structure', detail: 'members' })
    const { doc: doc2, state: state2 } = stored()
    expect(validateUpdate(name, state2, change(doc2, (d) => d.getMap('meetings').set('m2', '회의')))).toMatchObject({ ok: false, problem: 'structure', detail: 'meetings.m2' })
    const fresh = new Y.Doc()
    fresh.getArray('resources').push([1])
    expect(validateUpdate(name, null, Y.encodeStateAsUpdate(fresh))).toMatchObject({ ok: false, problem: 'structure', detail: 'resources' })
  })

  it('refuses a full 주민등록번호 in a team document like anywhere else', () => {
    const { doc, state } = stored()
    const rrn = change(doc, (d) => entry(d, 'meetings', 'm1').set('notes', '대상자 900101-1234567'))
    expect(validateUpdate(name, state, rrn)).toMatchObject({ ok: false, problem: 'rrn' })
  })
})
