import { describe, expect, it } from 'vitest'
import { DEFAULT_DEADLINES, SEED_RESOURCES, ResourceSchema, labelOf, LABELS, ENUMS, CLOSURE_GROUPS, closureReasonsOf, summarizeCase } from '../../../src/domain'
import type { EnumName } from '../../../src/domain'
import { makeCaseFile, makeMember, makeVisit } from './fixtures'

describe('summarizeCase', () => {
  it('projects the list row', () => {
    const cf = makeCaseFile({
      meta: { stage: 'delivery', level: 'intensive' },
      selection: { kind: 'linkage', decidedAt: '2026-11-10' },
      household: { targetType: 'nearPoor', address: '서울특별시 중구 다산로 100', addressDetail: '2층' },
      members: [makeMember({ id: 'x', name: '박지은' }), makeMember({ id: 'h', name: '이영호', isHead: true })],
      visits: [makeVisit({ visitedAt: '2026-11-20T10:00:00+09:00', nextVisitDate: '2026-12-01' })],
      history: [{ at: '2026-11-20T11:00:00+09:00', kind: 'stage', from: 'selection', to: 'delivery' }],
    })
    const row = summarizeCase(cf, '2026-12-02', DEFAULT_DEADLINES)
    expect(row).toMatchObject({
      id: cf.meta.id,
      headName: '이영호',
      memberNames: ['박지은', '이영호'],
      targetType: 'nearPoor',
      stage: 'delivery',
      selectionKind: 'linkage',
      level: 'intensive',
      address: '서울특별시 중구 다산로 100 2층',
      nextVisitDate: '2026-12-01',
      lastContactDate: '2026-11-20',
      updatedAt: '2026-11-20T11:00:00+09:00',
    })
    expect(row.due.visitOverdue).toBe(true)
    expect(row.due.assessmentOverdue).toBe(false)
  })
  it('uses the first member when no head is marked', () => {
    const cf = makeCaseFile({ members: [makeMember({ id: 'a', name: '최하나' }), makeMember({ id: 'b', name: '최둘' })] })
    const row = summarizeCase(cf, '2026-11-02', DEFAULT_DEADLINES)
    expect(row.headName).toBe('최하나')
    expect(row.selectionKind).toBeUndefined()
    expect(row.updatedAt).toBe(cf.meta.createdAt)
  })
})

describe('labels', () => {
  it('has a Korean and English label for every enum value', () => {
    for (const kind of Object.keys(ENUMS) as EnumName[]) {
      const values = ENUMS[kind] as readonly string[]
      const labels = LABELS[kind] as Record<string, { ko: string; en: string }>
      expect(Object.keys(labels).sort()).toEqual([...values].sort())
      for (const v of values) {
        expect(labels[v]?.ko.length).toBeGreaterThan(0)
        expect(labels[v]?.en.length).toBeGreaterThan(0)
      }
    }
  })
  it('looks labels up by locale, Korean by default', () => {
    expect(labelOf('stage', 'closed')).toBe('종결')
    expect(labelOf('selectionKind', 'linkage', 'en')).toBe('Service linkage')
    expect(labelOf('contactOutcome', 'noAnswer')).toBe('부재·연락 안 됨')
  })
  it('groups closure reasons as in seed 003', () => {
    expect(closureReasonsOf('positive')).toEqual(['longTermGoal', 'shortTermGoal', 'improved'])
    expect(closureReasonsOf('circumstantial')).toEqual(['movedOut', 'death', 'refusal', 'gaveUp', 'lostContact'])
    expect(closureReasonsOf('agency')).toEqual(['agencyLimit'])
    expect(CLOSURE_GROUPS.death).toBe('circumstantial')
  })
})

describe('SEED_RESOURCES', () => {
  it('holds the ten 방문형 서비스 rows, valid, with unique stable ids', () => {
    expect(SEED_RESOURCES).toHaveLength(10)
    for (const r of SEED_RESOURCES) expect(ResourceSchema.safeParse(r).success).toBe(true)
    expect(new Set(SEED_RESOURCES.map((r) => r.id)).size).toBe(10)
    expect(SEED_RESOURCES.find((r) => r.id === 'seed-visit-health')).toMatchObject({ name: '방문건강관리서비스', provider: '보건소', domain: 'health' })
    expect(SEED_RESOURCES.every((r) => r.builtIn)).toBe(true)
    expect(SEED_RESOURCES.some((r) => r.provider.includes('중구'))).toBe(false) // generalised provider names
  })
})
