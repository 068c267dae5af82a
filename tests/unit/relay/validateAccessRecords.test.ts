// The relay's content check knows the consent and referral roots (issue 9): it stores them, refuses a
// wrong value in them, and still refuses a root outside the layout.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { childMap, rootMap, writeNewCase } from '../../../src/store/caseDoc'
import { validateUpdate } from '../../../sync-server/validateUpdate'
import { makeCaseFile } from '../domain/fixtures'

const cf = makeCaseFile({
  consents: [{ id: 'c1', date: '2026-11-02', scope: ['희망복지지원단'], method: 'verbal', recordedAt: '2026-11-02T10:00:00+09:00' }],
  referrals: [{ id: 'r1', kind: 'referral', toTeam: 'hope-center', note: '의뢰합니다', at: '2026-11-03T10:00:00+09:00', basis: 'consent', consentId: 'c1' }],
})
const name = `case/${cf.meta.id}`

function stored(): { doc: Y.Doc; state: Uint8Array } {
  const doc = new Y.Doc()
  writeNewCase(doc, cf)
  return { doc, state: Y.encodeStateAsUpdate(doc) }
}

function change(doc: Y.Doc, fn: (d: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc)
  fn(doc)
  return Y.encodeStateAsUpdate(doc, before)
}

describe('consents and referrals on the relay', () => {
  it('a case file with both is stored, with its summary naming the team a referral waits at', () => {
    const { state } = stored()
    const verdict = validateUpdate(name, null, state)
    expect(verdict.ok).toBe(true)
    expect(verdict.ok && verdict.summary).toContain('"referredTo":["hope-center"]')
  })

  it('refuses a consent of an unknown method and a referral on an unknown basis', () => {
    const { doc, state } = stored()
    const bad = change(doc, (d) => childMap(rootMap(d, 'consents'), 'c1').set('method', 'telepathy'))
    expect(validateUpdate(name, state, bad)).toMatchObject({ ok: false, problem: 'shape' })
    const { doc: doc2, state: state2 } = stored()
    const badBasis = change(doc2, (d) => childMap(rootMap(d, 'referrals'), 'r1').set('basis', 'because'))
    expect(validateUpdate(name, state2, badBasis)).toMatchObject({ ok: false, problem: 'shape' })
  })

  it('still refuses a root outside the layout', () => {
    const { doc, state } = stored()
    const unknown = change(doc, (d) => d.getMap('sharedWith').set('x', 1))
    expect(validateUpdate(name, state, unknown)).toMatchObject({ ok: false, problem: 'structure' })
  })
})
