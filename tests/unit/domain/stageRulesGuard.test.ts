// Guard tests for stage moves (mutation survivors of src/domain/stageRules.ts; rules in that file's
// header, DESIGN.md §2): a 제외 decision left without its reason by a merge blocks every move forward
// until the reason is given again; 사업대상제외가구 can only be closed once at the selection stage;
// follow-up needs a recorded closure even when the stage already says closed.
import { describe, expect, it } from 'vitest'
import { allowedTransitions, checkTransition } from '../../../src/domain'
import type { CaseFile, Stage } from '../../../src/domain'
import { makeCaseFile } from './fixtures'

const needs = { health: { urgency: 4, importance: 5, note: '' } }
const closure = { date: '2026-11-12', reason: 'agencyLimit' as const }
const EMPTY_REASON = '사업대상제외가구의 제외 사유가 비어 있습니다. 대상자 구분에서 사유를 입력하세요.'

function at(stage: Stage, extra: Parameters<typeof makeCaseFile>[0] = {}): CaseFile {
  return makeCaseFile({ ...extra, meta: { stage, ...extra.meta }, assessment: { needs, ...extra.assessment } })
}

function reasonOf(cf: CaseFile, to: Stage): string | undefined {
  const r = checkTransition(cf, to)
  return r.ok ? undefined : r.reason
}

describe('제외 without its reason (a merge of two valid edits)', () => {
  for (const [label, reason] of [['missing', undefined], ['blank', '   ']] as const) {
    it(`a ${label} reason is asked for again before any move forward, closing included`, () => {
      const excluded = { kind: 'excluded' as const, decidedAt: '2026-11-10', ...(reason === undefined ? {} : { reason }) }
      const cf = at('selection', { selection: excluded, closure })
      expect(reasonOf(cf, 'closed')).toBe(EMPTY_REASON)
      expect(reasonOf(cf, 'planning')).toBe(EMPTY_REASON)
      // A correction back one step stays possible.
      expect(checkTransition(cf, 'assessment')).toEqual({ ok: true })
      expect(allowedTransitions(cf)).toEqual(['assessment'])
    })
  }

  it('with its reason, the excluded household can be closed', () => {
    const cf = at('selection', { selection: { kind: 'excluded', decidedAt: '2026-11-10', reason: '소득 기준 초과' }, closure })
    expect(allowedTransitions(cf)).toEqual(['assessment', 'closed'])
  })
})

describe('사업대상제외가구 can only be closed from the selection stage on', () => {
  it('an exclusion recorded during the assessment still lets the case reach the selection stage', () => {
    const cf = at('assessment', { selection: { kind: 'excluded', decidedAt: '2026-11-10', reason: '타 기관 사례관리 중' } })
    expect(checkTransition(cf, 'selection')).toEqual({ ok: true })
  })
})

describe('follow-up needs a recorded closure', () => {
  it('a case marked closed without its closure record is refused follow-up, not broken', () => {
    const cf = at('closed', { selection: { kind: 'caseManagement', decidedAt: '2026-11-10' } })
    expect(reasonOf(cf, 'followUp')).toBe('사후관리는 종결 후에만 할 수 있습니다.')
  })
})

describe('corrections back one step', () => {
  const link = { kind: 'linkage' as const, decidedAt: '2026-11-10' }
  it('a 서비스연계가구 goes back one step from the stages other than delivery as any case does', () => {
    expect(checkTransition(at('selection', { selection: link }), 'assessment')).toEqual({ ok: true })
    expect(checkTransition(at('followUp', { selection: link, closure: { date: '2026-12-20', reason: 'improved' } }), 'closed')).toEqual({ ok: true })
  })

  it('a case in delivery whose selection is missing (merged data) goes back to planning', () => {
    expect(checkTransition(at('delivery'), 'planning')).toEqual({ ok: true })
  })
})
