import { describe, expect, it } from 'vitest'
import { allowedTransitions, checkTransition } from '../../../src/domain'
import type { CaseFile, Stage } from '../../../src/domain'
import { makeCaseFile } from './fixtures'

const needs = { health: { urgency: 4, importance: 5, note: '' } }
const plan = { longTermGoals: '건강 회복', shortTermGoals: '', services: [] }
const closure = { date: '2026-12-20', reason: 'improved' as const }

function at(stage: Stage, extra: Parameters<typeof makeCaseFile>[0] = {}): CaseFile {
  return makeCaseFile({ ...extra, meta: { stage, ...extra.meta }, assessment: { needs, ...extra.assessment } })
}

function refusal(cf: CaseFile, to: Stage): string {
  const r = checkTransition(cf, to)
  if (r.ok) throw new Error(`expected ${cf.meta.stage} → ${to} to be refused`)
  return r.reason
}

describe('forward moves', () => {
  it('walks a 사례관리가구 through every stage one step at a time', () => {
    const cm = { kind: 'caseManagement' as const, decidedAt: '2026-11-10' }
    expect(checkTransition(at('intake'), 'assessment')).toEqual({ ok: true })
    expect(checkTransition(at('assessment'), 'selection')).toEqual({ ok: true })
    expect(checkTransition(at('selection', { selection: cm }), 'planning')).toEqual({ ok: true })
    expect(checkTransition(at('planning', { selection: cm, plan }), 'delivery')).toEqual({ ok: true })
    expect(checkTransition(at('delivery', { selection: cm, plan, closure }), 'closed')).toEqual({ ok: true })
    expect(checkTransition(at('closed', { selection: cm, plan, closure }), 'followUp')).toEqual({ ok: true })
  })
  it('refuses skipping a stage', () => {
    expect(refusal(at('intake'), 'selection')).toContain('한 번에 한 단계씩')
    expect(refusal(at('assessment'), 'planning')).toContain('한 번에 한 단계씩')
  })
  it('needs a presenting problem before assessment', () => {
    expect(refusal(at('intake', { intake: { presentingProblem: '   ' } }), 'assessment')).toContain('주요 문제')
  })
  it('needs an assessed need domain before selection', () => {
    const cf = makeCaseFile({ meta: { stage: 'assessment' }, assessment: { needs: {} } })
    expect(refusal(cf, 'selection')).toContain('욕구 영역')
  })
  it('allows no plan before selection as 사례관리가구', () => {
    expect(refusal(at('selection'), 'planning')).toContain('사례관리가구로 선정된 뒤')
  })
  it('sends a 서비스연계가구 straight to delivery and never to planning', () => {
    const link = { kind: 'linkage' as const, decidedAt: '2026-11-10' }
    expect(checkTransition(at('selection', { selection: link }), 'delivery')).toEqual({ ok: true })
    expect(refusal(at('selection', { selection: link }), 'planning')).toContain('서비스연계가구는')
  })
  it('makes a 사례관리가구 go through planning, and needs a written plan for delivery', () => {
    const cm = { kind: 'caseManagement' as const, decidedAt: '2026-11-10' }
    expect(refusal(at('selection', { selection: cm }), 'delivery')).toContain('서비스제공계획 단계를 거쳐야')
    expect(refusal(at('planning', { selection: cm }), 'delivery')).toContain('계획')
    const empty = { longTermGoals: ' ', shortTermGoals: '', services: [] }
    expect(refusal(at('planning', { selection: cm, plan: empty }), 'delivery')).toContain('계획')
  })
  it('refuses delivery when nobody selected the household', () => {
    expect(refusal(at('selection'), 'delivery')).toContain('선정된 뒤')
  })
  it('lets an excluded household only be closed', () => {
    const ex = { kind: 'excluded' as const, decidedAt: '2026-11-10', reason: '소득 기준 초과' }
    expect(refusal(at('selection', { selection: ex }), 'planning')).toBe('사업대상제외가구는 종결만 할 수 있습니다.')
    expect(refusal(at('selection', { selection: ex }), 'delivery')).toBe('사업대상제외가구는 종결만 할 수 있습니다.')
    expect(checkTransition(at('selection', { selection: ex, closure: { date: '2026-11-12', reason: 'agencyLimit' } }), 'closed')).toEqual({ ok: true })
  })
})

describe('closure and follow-up', () => {
  it('refuses closing without a recorded reason, from any stage', () => {
    expect(refusal(at('delivery'), 'closed')).toBe('종결하려면 종결 사유를 먼저 기록하세요.')
    expect(refusal(at('intake'), 'closed')).toBe('종결하려면 종결 사유를 먼저 기록하세요.')
  })
  it('closes from an early stage when a reason is recorded (e.g. death during assessment)', () => {
    expect(checkTransition(at('assessment', { closure: { date: '2026-11-05', reason: 'death' } }), 'closed')).toEqual({ ok: true })
  })
  it('refuses follow-up before closure, after a death, and for unselected households', () => {
    expect(refusal(at('delivery', { closure }), 'followUp')).toContain('종결 후에만')
    const cm = { kind: 'caseManagement' as const, decidedAt: '2026-11-10' }
    expect(refusal(at('closed', { selection: cm, closure: { date: '2026-12-01', reason: 'death' } }), 'followUp')).toContain('사망')
    expect(refusal(at('closed', { closure }), 'followUp')).toContain('사례관리가구와 서비스연계가구')
  })
  it('allows follow-up for a 서비스연계가구', () => {
    const link = { kind: 'linkage' as const, decidedAt: '2026-11-10' }
    expect(checkTransition(at('closed', { selection: link, closure }), 'followUp')).toEqual({ ok: true })
  })
})

describe('corrections and reopening', () => {
  const cm = { kind: 'caseManagement' as const, decidedAt: '2026-11-10' }
  it('goes back one step', () => {
    expect(checkTransition(at('assessment'), 'intake')).toEqual({ ok: true })
    expect(checkTransition(at('planning', { selection: cm }), 'selection')).toEqual({ ok: true })
    expect(checkTransition(at('delivery', { selection: cm, plan }), 'planning')).toEqual({ ok: true })
    expect(checkTransition(at('followUp', { selection: cm, closure }), 'closed')).toEqual({ ok: true })
  })
  it('goes back from delivery to selection for a 서비스연계가구 (it had no plan)', () => {
    const link = { kind: 'linkage' as const, decidedAt: '2026-11-10' }
    expect(checkTransition(at('delivery', { selection: link }), 'selection')).toEqual({ ok: true })
    expect(refusal(at('delivery', { selection: link }), 'planning')).toContain('되돌릴 수 없습니다')
  })
  it('refuses going back more than one step', () => {
    expect(refusal(at('planning', { selection: cm }), 'intake')).toContain('한 단계씩만')
  })
  it('reopens a closed case to delivery only', () => {
    expect(checkTransition(at('closed', { selection: cm, plan, closure }), 'delivery')).toEqual({ ok: true })
    expect(refusal(at('closed', { selection: cm, plan, closure }), 'planning')).toContain('재개')
    expect(refusal(at('closed', { closure }), 'delivery')).toContain('재개할 수 없습니다')
  })
  it('refuses staying in place', () => {
    expect(refusal(at('intake'), 'intake')).toBe('이미 접수·초기상담 단계입니다.')
  })
  it('lists the allowed moves', () => {
    expect(allowedTransitions(at('selection', { selection: cm }))).toEqual(['assessment', 'planning'])
    expect(allowedTransitions(at('closed', { selection: cm, plan, closure }))).toEqual(['delivery', 'followUp'])
  })
})
