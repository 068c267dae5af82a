// Screens hear of index changes at most every 150 ms while a sync lands page after page, and always
// hear of the last change.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { DEFAULT_DEADLINES, summarizeCase, todayInSeoul } from '../../../src/domain'
import type { CaseSummary } from '../../../src/domain'
import { caseDocName } from '../../../src/store/caseDoc'
import { getCaseIndex } from '../../../src/store/caseIndex'
import { emitChange } from '../../../src/store/changes'
import { syntheticCase } from '../../../src/store/demo'
import { seededRandom } from '../../support/random'
import { useFreshStore } from './helpers'

const rand = seededRandom(3)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('case index notifications', () => {
  useFreshStore()

  it('coalesces a burst of changes and delivers the last one', async () => {
    const index = getCaseIndex()
    await index.load()
    const seen: number[] = []
    index.subscribe(() => seen.push(index.size))
    for (let i = 0; i < 10; i++) {
      const cf = syntheticCase(rand, '2026-11-20')
      const summary: CaseSummary = summarizeCase(cf, todayInSeoul(), DEFAULT_DEADLINES)
      emitChange({ names: [caseDocName(cf.meta.id)], local: false, summaries: new Map([[cf.meta.id, summary]]) })
      await index.whenSettled()
    }
    expect(index.size).toBe(10)
    expect(seen.length).toBeLessThanOrEqual(2)
    await sleep(300)
    expect(seen.at(-1)).toBe(10)
    expect(seen.length).toBeLessThanOrEqual(2)
  })
})
