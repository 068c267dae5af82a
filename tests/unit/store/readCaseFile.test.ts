// readCaseFile checks each entity once (entitiesOf keeps the parsed entity) and the file's own rules
// once more: a broken entity is skipped, the file as a whole is still checked, and the result is what
// a full check of the same file gives.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { CaseFileSchema } from '../../../src/domain'
import { appendHistory, CaseFileReadError, childMap, readCaseFile, rootMap, writeEntity, writeNewCase } from '../../../src/store/caseDoc'
import { syntheticCase } from '../../../src/store/demo'
import { seededRandom } from '../../support/random'

function caseDoc(seed: number): Y.Doc {
  const doc = new Y.Doc()
  writeNewCase(doc, syntheticCase(seededRandom(seed), '2026-11-20'))
  return doc
}

describe('reading a case file from its doc', () => {
  it('gives what a full check of the file gives', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const doc = caseDoc(seed)
      const read = readCaseFile(doc)
      expect(CaseFileSchema.parse(JSON.parse(JSON.stringify(read)))).toEqual(read)
    }
  })

  it('skips a broken entity or history event and keeps the rest', () => {
    const doc = caseDoc(3)
    const before = readCaseFile(doc)
    doc.transact(() => {
      const broken = childMap(rootMap(doc, 'visits'), 'broken-visit')
      broken.set('id', 'broken-visit')
      broken.set('date', 'not a date')
      appendHistory(doc, { bogus: true } as never)
    })
    const after = readCaseFile(doc)
    expect(after.visits).toEqual(before.visits)
    expect(after.history).toEqual(before.history)
    expect(after.members).toEqual(before.members)
  })

  it('still checks the file as a whole: one head, at least one valid member, the records outside the lists', () => {
    const doc = caseDoc(5)
    const [first] = readCaseFile(doc).members
    // Two devices each marked a head: the reader keeps one, and the file passes the one-head rule.
    doc.transact(() => writeEntity(doc, 'members', { ...first!, id: crypto.randomUUID(), isHead: true } as { id: string }))
    expect(readCaseFile(doc).members.filter((m) => m.isHead)).toHaveLength(1)
    // Every member broken: skipped one by one, and the file without members is refused.
    doc.transact(() => {
      for (const m of rootMap(doc, 'members').values()) (m as Y.Map<unknown>).set('birthDate', 'not a date')
    })
    expect(() => readCaseFile(doc)).toThrow(CaseFileReadError)
    expect(() => readCaseFile(doc)).toThrow('가구원을 한 명 이상')
    const other = caseDoc(6)
    rootMap(other, 'household').set('targetType', 'nobody')
    expect(() => readCaseFile(other)).toThrow(CaseFileReadError)
  })
})
