import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { compareKo } from '../../../src/domain'
import { changeStage, createCase, generateSyntheticCases } from '../../../src/store'
import { getCaseIndex } from '../../../src/store/caseIndex'
import { whenAllWritten } from '../../../src/store/docStore'
import { caseInput, useFreshStore } from './helpers'

const settle = async () => {
  await whenAllWritten()
  await getCaseIndex().whenSettled()
}

describe('case list index', () => {
  useFreshStore()

  it('filters by stage, searches names (초성 too) and sorts in Korean order', async () => {
    const names = ['하동훈', '김민수', '강호동', '이수근', '김민지']
    const ids: Record<string, string> = {}
    for (const name of names) ids[name] = await createCase(caseInput({ members: [{ name }] }))
    const index = getCaseIndex()
    await index.load()
    expect(index.query().map((r) => r.headName)).toEqual(['강호동', '김민수', '김민지', '이수근', '하동훈'])

    expect(index.query({ query: 'ㄱㅁㅅ' }).map((r) => r.headName)).toEqual(['김민수'])
    expect(index.query({ query: '김민' }).map((r) => r.headName)).toEqual(['김민수', '김민지'])
    expect(index.query({ query: 'ㅎ' }).map((r) => r.headName)).toEqual(['강호동', '하동훈'])
    expect(index.query({ query: '없는이름' })).toEqual([])

    await changeStage(ids['이수근'] as string, 'assessment')
    await settle()
    expect(index.query({ stage: 'assessment' }).map((r) => r.headName)).toEqual(['이수근'])
    expect(index.query({ stage: 'intake', query: 'ㄱ' }).map((r) => r.headName)).toEqual(['강호동', '김민수', '김민지'])
  })

  it('also finds a case by a household member name', async () => {
    await createCase(caseInput({ members: [{ name: '최영자' }, { name: '최준호' }] }))
    const index = getCaseIndex()
    await index.load()
    expect(index.query({ query: '준호' }).map((r) => r.headName)).toEqual(['최영자'])
  })

  it('filters by a due flag', async () => {
    const ids = await generateSyntheticCases(300, 7)
    const index = getCaseIndex()
    await index.load()
    expect(index.size).toBe(ids.length)
    const overdue = index.query({ due: 'noContact3m' })
    expect(overdue.length).toBeGreaterThan(0)
    expect(overdue.length).toBeLessThan(ids.length)
    expect(overdue.every((r) => r.due.noContact3m)).toBe(true)
  })

  it('filters and searches 5,000 cases in Korean order (timing lives in npm run bench)', async () => {
    await generateSyntheticCases(5000, 42)
    const index = getCaseIndex()
    await index.load()
    expect(index.size).toBe(5000)
    index.query() // first sort
    const byInitials = index.query({ query: 'ㄱㅁ' })
    const byStage = index.query({ stage: 'delivery', due: 'visitOverdue' })
    expect(byInitials.length).toBeGreaterThan(0)
    expect(byStage.every((r) => r.stage === 'delivery')).toBe(true)
    const sorted = [...byInitials].sort((a, b) => compareKo(a.headName, b.headName))
    expect(byInitials.map((r) => r.headName)).toEqual(sorted.map((r) => r.headName))
  })
})
