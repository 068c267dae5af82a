// Consent gating (issue 9, "Between teams"): which consent allows a referral or share to a team, and
// what the case file's referral records say a team may do with the case.
import { describe, expect, it } from 'vitest'
import {
  CONSENT_REQUIRED_MESSAGE, ConsentSchema, ReferralSchema, checkProvision, consentCovers, consentInEffect, consentProblem,
  matchesCaseFilter, migrateCaseFile, providesTo, referredTeams, shapeProblem, summarizeCase, DEFAULT_DEADLINES, teamAccessIn,
} from '../../../src/domain'
import type { Consent, Referral } from '../../../src/domain'
import { makeCaseFile, nextId } from './fixtures'

const HOPE = ['hope-center', '희망복지지원단']

function consent(overrides: Partial<Consent> = {}): Consent {
  return {
    id: nextId('c'), date: '2026-11-02', scope: ['희망복지지원단', '보건소'], method: 'written',
    recordedAt: '2026-11-02T10:00:00+09:00', ...overrides,
  }
}

function referral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: nextId('r'), kind: 'referral', toTeam: 'hope-center', fromTeam: 'dong-sinchon', note: '고난도 사례 의뢰',
    at: '2026-11-03T10:00:00+09:00', basis: 'consent', ...overrides,
  }
}

describe('consentCovers / providesTo', () => {
  it('a consent in effect covers a team named in its scope, by name or id, ignoring spaces and case', () => {
    const c = consent({ scope: ['희망복지 지원단'] })
    expect(consentCovers(c, HOPE, '2026-11-03')).toBe(true)
    expect(consentCovers(consent({ scope: ['HOPE-center'] }), HOPE, '2026-11-03')).toBe(true)
    expect(consentCovers(c, ['dong-sinchon', '신촌동 주민센터'], '2026-11-03')).toBe(false)
    // A purpose works the same way.
    expect(consentCovers(consent({ scope: ['긴급지원 연계'] }), '긴급지원 연계', '2026-11-03')).toBe(true)
  })

  it('covers nothing before its date, nor from the day of its withdrawal', () => {
    const c = consent({ date: '2026-11-02', withdrawnAt: '2026-11-10' })
    expect(consentInEffect(c, '2026-11-01')).toBe(false)
    expect(consentCovers(c, HOPE, '2026-11-02')).toBe(true)
    expect(consentCovers(c, HOPE, '2026-11-09')).toBe(true)
    expect(consentCovers(c, HOPE, '2026-11-10')).toBe(false)
    expect(consentCovers(c, HOPE, '2026-12-01')).toBe(false)
  })

  it('providesTo picks the newest covering consent and skips withdrawn ones', () => {
    const old = consent({ date: '2026-10-01' })
    const newer = consent({ date: '2026-11-01' })
    const withdrawn = consent({ date: '2026-11-02', withdrawnAt: '2026-11-02' })
    expect(providesTo({ consents: [old, withdrawn, newer] }, HOPE, '2026-11-03')?.id).toBe(newer.id)
    expect(providesTo({ consents: [withdrawn] }, HOPE, '2026-11-03')).toBeUndefined()
    expect(providesTo({ consents: [] }, HOPE, '2026-11-03')).toBeUndefined()
  })
})

describe('checkProvision (consent gating)', () => {
  it('refuses a consent basis without a covering consent, with the Korean reason naming both laws', () => {
    const result = checkProvision({ consents: [consent({ scope: ['보건소'] })] }, HOPE, 'consent', '2026-11-03')
    expect(result).toEqual({ ok: false, reason: CONSENT_REQUIRED_MESSAGE })
    expect(CONSENT_REQUIRED_MESSAGE).toContain('개인정보 보호법 제17조')
    expect(CONSENT_REQUIRED_MESSAGE).toContain('사회보장급여법 제15조')
  })

  it('allows a consent basis with a covering consent, and the legal basis without any', () => {
    const c = consent()
    expect(checkProvision({ consents: [c] }, HOPE, 'consent', '2026-11-03')).toEqual({ ok: true, consent: c })
    expect(checkProvision({ consents: [] }, HOPE, 'ssa-15', '2026-11-03')).toEqual({ ok: true })
  })
})

describe('consent records', () => {
  it('commands refuse a future date and a withdrawal before the consent', () => {
    expect(consentProblem({ date: '2026-11-04' }, '2026-11-03')?.path).toBe('date')
    expect(consentProblem({ date: '2026-11-02', withdrawnAt: '2026-11-01' }, '2026-11-03')?.path).toBe('withdrawnAt')
    expect(consentProblem({ date: '2026-11-02', withdrawnAt: '2026-11-03' }, '2026-11-03')).toBeNull()
  })

  it('the stored shape refuses an unknown method and a bad date; an empty scope is a rule, not shape', () => {
    expect(shapeProblem(ConsentSchema, { ...consent(), method: 'telepathy' })).toMatch(/^method: /)
    expect(shapeProblem(ConsentSchema, { ...consent(), withdrawnAt: '2026-02-31' })).toMatch(/^withdrawnAt: /)
    expect(shapeProblem(ConsentSchema, consent())).toBeNull()
    expect(ConsentSchema.safeParse({ ...consent(), scope: [] }).success).toBe(false)
    expect(shapeProblem(ReferralSchema, { ...referral(), basis: 'because' })).toMatch(/^basis: /)
  })

  it('a case file from before consents and referrals reads with none', () => {
    const { consents: _c, referrals: _r, ...older } = makeCaseFile()
    const read = migrateCaseFile(older)
    expect(read.ok && read.caseFile.consents).toEqual([])
    expect(read.ok && read.caseFile.referrals).toEqual([])
  })
})

describe('referral records', () => {
  it('a referral waits at its team until accepted or withdrawn; 의뢰 받음 in the summary', () => {
    const pending = referral()
    const cf = makeCaseFile({ referrals: [pending] })
    expect(referredTeams(cf)).toEqual(['hope-center'])
    expect(teamAccessIn(cf, 'hope-center')).toBe('referred')
    expect(teamAccessIn(cf, 'dong-sinchon')).toBe('full')
    const summary = summarizeCase(cf, '2026-11-03', DEFAULT_DEADLINES)
    expect(summary.referredTo).toEqual(['hope-center'])
    expect(matchesCaseFilter(summary, { referredTo: 'hope-center' })).toBe(true)
    expect(matchesCaseFilter(summary, { referredTo: 'dong-sinchon' })).toBe(false)

    const accepted = makeCaseFile({ referrals: [{ ...pending, acceptedAt: '2026-11-04T09:00:00+09:00', acceptedBy: 'hope.worker' }] })
    expect(referredTeams(accepted)).toEqual([])
    expect(teamAccessIn(accepted, 'hope-center')).toBe('full')
    expect(summarizeCase(accepted, '2026-11-04', DEFAULT_DEADLINES).referredTo).toBeUndefined()
    expect(matchesCaseFilter(summarizeCase(accepted, '2026-11-04', DEFAULT_DEADLINES), { referredTo: 'hope-center' })).toBe(false)

    const withdrawn = makeCaseFile({ referrals: [{ ...pending, endedAt: '2026-11-04T09:00:00+09:00' }] })
    expect(referredTeams(withdrawn)).toEqual([])
  })

  it('a read-only share keeps the team read-only until it ends', () => {
    const share = referral({ kind: 'share', toTeam: 'health-center', note: '' })
    expect(teamAccessIn(makeCaseFile({ referrals: [share] }), 'health-center')).toBe('readOnly')
    expect(referredTeams(makeCaseFile({ referrals: [share] }))).toEqual([])
    expect(teamAccessIn(makeCaseFile({ referrals: [{ ...share, endedAt: '2026-11-05T09:00:00+09:00' }] }), 'health-center')).toBe('full')
  })
})
