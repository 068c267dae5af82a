import { describe, expect, it } from 'vitest'
import {
  SelectionSchema, VisitNoteSchema, caseFileShapeProblem, checkTransition, migrateCaseFile, shapeProblem,
} from '../../../src/domain'
import { makeCaseFile, makeVisit } from './fixtures'

describe('shape problems (what a relay refuses) and merge-breakable rules (what it tolerates)', () => {
  it('calls wrong types, unknown values, bad dates and full 주민등록번호 shape problems', () => {
    expect(shapeProblem(VisitNoteSchema, { ...makeVisit(), visitedAt: 42 })).toMatch(/^visitedAt: /)
    expect(shapeProblem(VisitNoteSchema, { ...makeVisit(), kind: 'telepathy' })).toMatch(/^kind: /)
    expect(shapeProblem(VisitNoteSchema, { ...makeVisit(), nextVisitDate: '2026-02-31' })).toMatch(/^nextVisitDate: /)
    expect(shapeProblem(VisitNoteSchema, { ...makeVisit(), health: '901231-1234567' })).toMatch(/^health: /)
  })

  it('tolerates texts grown past their limit and rules across fields', () => {
    expect(shapeProblem(VisitNoteSchema, { ...makeVisit(), observations: '가'.repeat(20_000) })).toBeNull()
    expect(shapeProblem(SelectionSchema, { kind: 'excluded', decidedAt: '2026-11-10' })).toBeNull()
    expect(shapeProblem(VisitNoteSchema, makeVisit())).toBeNull()
  })
})

describe('a case file merged into 제외 without a reason', () => {
  const cf = makeCaseFile({ meta: { schemaVersion: 1, id: '3f2b8c1e-5a4d-4e6f-9b7a-1c2d3e4f5a6b', createdAt: '2026-11-01T09:00:00+09:00', stage: 'selection', level: 'general' } })
  const merged = { ...cf, selection: { kind: 'excluded' as const, decidedAt: '2026-11-10' } }

  it('still reads, and has no shape problem', () => {
    const read = migrateCaseFile(merged)
    expect(read.ok).toBe(true)
    expect(caseFileShapeProblem(merged)).toBeNull()
  })

  it('is asked for the reason again at the next command', () => {
    expect(SelectionSchema.safeParse(merged.selection).success).toBe(false)
    const result = checkTransition(merged, 'closed')
    expect(result).toMatchObject({ ok: false })
    expect(!result.ok && result.reason).toContain('제외 사유')
    expect(checkTransition({ ...merged, selection: { ...merged.selection, reason: '기준 초과' } }, 'closed').ok).toBe(
      checkTransition({ ...cf, selection: { kind: 'excluded', decidedAt: '2026-11-10', reason: '기준 초과' } }, 'closed').ok,
    )
  })

  it('is a shape problem without a schema version, and none for a newer version', () => {
    expect(caseFileShapeProblem({ ...merged, meta: { ...merged.meta, schemaVersion: undefined } })).toMatch(/schemaVersion/)
    expect(caseFileShapeProblem({ ...merged, meta: { ...merged.meta, schemaVersion: 99 }, household: 5 })).toBeNull()
  })
})
