import { describe, expect, it } from 'vitest'
import {
  CaseFileSchema,
  ClosureSchema,
  LinkageSchema,
  MemberSchema,
  PlannedServiceSchema,
  SelectionSchema,
  VisitNoteSchema,
  containsRrn,
  maskRrn,
  migrateCaseFile,
  AssessmentSchema,
  HouseholdSchema,
  CASE_SCHEMA_VERSION,
} from '../../../src/domain'
import { makeCaseFile, makeLinkage, makeMember, makeVisit } from './fixtures'

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((i) => i.message) ?? []
}

describe('주민등록번호 handling', () => {
  it('masks birth date and sex digit', () => {
    expect(maskRrn('1990-12-31', '1')).toBe('901231-1******')
    expect(maskRrn('2003-04-05', '4')).toBe('030405-4******')
    expect(maskRrn('1990-12-31')).toBe('901231-*******')
  })
  it('spots a full number with or without a hyphen, not phones or dates', () => {
    expect(containsRrn('주민번호 901231-1234567 확인')).toBe(true)
    expect(containsRrn('9012311234567')).toBe(true)
    expect(containsRrn('901231 - 2345678')).toBe(true)
    expect(containsRrn('010-1234-5678')).toBe(false)
    expect(containsRrn('2026-11-21 방문')).toBe(false)
    expect(containsRrn('901231-1******')).toBe(false)
    expect(containsRrn('19012311234567')).toBe(false) // part of a longer number
  })
  it('refuses a full number in any free-text field', () => {
    const visit = VisitNoteSchema.safeParse(makeVisit({ observations: '본인 주민번호 580314-1234567 불러줌' }))
    expect(visit.success).toBe(false)
    expect(messages(visit)[0]).toContain('주민등록번호')
    expect(HouseholdSchema.safeParse({ targetType: 'basic', address: '중구', note: '5803141234567' }).success).toBe(false)
    expect(MemberSchema.safeParse(makeMember({ name: '김 5803141234567' })).success).toBe(false)
  })
})

describe('member', () => {
  it('accepts a valid member and stores the phone as digits', () => {
    const m = MemberSchema.parse(makeMember({ phone: '010-1234-5678' }))
    expect(m.phone).toBe('01012345678')
  })
  it('refuses a blank name, a bad phone, a bad sex digit or one that contradicts the birth year', () => {
    expect(MemberSchema.safeParse(makeMember({ name: '  ' })).success).toBe(false)
    expect(MemberSchema.safeParse(makeMember({ phone: '1234' })).success).toBe(false)
    expect(MemberSchema.safeParse(makeMember({ sexDigit: '9' })).success).toBe(false)
    const mismatch = MemberSchema.safeParse(makeMember({ birthDate: '1958-03-14', sexDigit: '3' }))
    expect(messages(mismatch)).toContain('성별 숫자가 출생연도와 맞지 않습니다.')
    expect(MemberSchema.safeParse(makeMember({ birthDate: '2010-01-01', sexDigit: '3' })).success).toBe(true)
  })
  it('refuses an impossible birth date', () => {
    expect(MemberSchema.safeParse(makeMember({ birthDate: '1958-02-30' })).success).toBe(false)
  })
})

describe('records', () => {
  it('requires a reason for an excluded household', () => {
    const r = SelectionSchema.safeParse({ kind: 'excluded', decidedAt: '2026-11-10' })
    expect(r.success).toBe(false)
    expect(messages(r)[0]).toContain('제외 사유')
    expect(SelectionSchema.safeParse({ kind: 'excluded', decidedAt: '2026-11-10', reason: '타 기관 사례관리 중' }).success).toBe(true)
    expect(SelectionSchema.safeParse({ kind: 'caseManagement', decidedAt: '2026-11-10T09:00:00+09:00' }).success).toBe(true)
  })
  it('keeps urgency and importance within 1..5', () => {
    const need = (urgency: number) => ({ needs: { health: { urgency, importance: 3, note: '' } }, crisisSigns: [] })
    expect(AssessmentSchema.safeParse(need(5)).success).toBe(true)
    expect(AssessmentSchema.safeParse(need(6)).success).toBe(false)
    expect(AssessmentSchema.safeParse(need(0)).success).toBe(false)
    expect(AssessmentSchema.safeParse(need(2.5)).success).toBe(false)
    expect(AssessmentSchema.safeParse({ needs: { money: { urgency: 1, importance: 1, note: '' } }, crisisSigns: [] }).success).toBe(false)
    expect(AssessmentSchema.safeParse({ needs: {}, crisisSigns: ['isolation', 'isolation'] }).success).toBe(false)
  })
  it('requires at least one member on a linkage', () => {
    expect(LinkageSchema.safeParse(makeLinkage([])).success).toBe(false)
    expect(LinkageSchema.safeParse(makeLinkage(['head'])).success).toBe(true)
  })
  it('refuses a planned service ending before it starts', () => {
    const s = { id: 's1', domain: 'health', name: '방문건강관리', provider: '보건소', frequency: '주 1회', startDate: '2026-12-01' }
    expect(PlannedServiceSchema.safeParse({ ...s, endDate: '2026-11-30' }).success).toBe(false)
    expect(PlannedServiceSchema.safeParse({ ...s, endDate: '2026-12-01' }).success).toBe(true)
  })
  it('refuses unknown closure reasons and non-ISO visit times', () => {
    expect(ClosureSchema.safeParse({ date: '2026-12-01', reason: 'bored' }).success).toBe(false)
    expect(VisitNoteSchema.safeParse(makeVisit({ visitedAt: '2026.11.02 10:00' })).success).toBe(false)
  })
})

describe('case file', () => {
  it('builds a valid case file', () => {
    expect(CaseFileSchema.safeParse(makeCaseFile()).success).toBe(true)
  })
  it('refuses two heads, duplicate member ids, and linkages to members not in the household', () => {
    const base = makeCaseFile()
    const twoHeads = { ...base, members: [makeMember({ isHead: true }), makeMember({ isHead: true })] }
    expect(messages(CaseFileSchema.safeParse(twoHeads))).toContain('가구주는 한 명만 지정할 수 있습니다.')
    const dup = { ...base, members: [makeMember({ id: 'x' }), makeMember({ id: 'x' })] }
    expect(CaseFileSchema.safeParse(dup).success).toBe(false)
    const stranger = { ...base, linkages: [makeLinkage(['nobody'])] }
    expect(messages(CaseFileSchema.safeParse(stranger))).toContain('이 가구에 없는 가구원이 연계 대상에 있습니다.')
  })
  it('refuses a case id that is not a lowercase UUID and an empty household', () => {
    const base = makeCaseFile()
    expect(CaseFileSchema.safeParse({ ...base, meta: { ...base.meta, id: '../etc' } }).success).toBe(false)
    expect(CaseFileSchema.safeParse({ ...base, members: [] }).success).toBe(false)
  })
  it('with entities already checked by the reader, still checks the rest and the rules across entities', () => {
    const cf = makeCaseFile()
    const checked = (raw: unknown) => migrateCaseFile(raw, { entitiesChecked: true })
    expect(checked(JSON.parse(JSON.stringify(cf)))).toEqual({ ok: true, caseFile: cf })
    expect(checked({ ...cf, members: [makeMember({ id: 'x' }), makeMember({ id: 'x' })] }).ok).toBe(false)
    expect(checked({ ...cf, members: [makeMember({ isHead: true }), makeMember({ isHead: true })] }).ok).toBe(false)
    const stranger = checked({ ...cf, linkages: [makeLinkage(['nobody'])] })
    expect(stranger.ok ? '' : stranger.reason).toContain('이 가구에 없는 가구원이 연계 대상에 있습니다.')
    expect(checked({ ...cf, members: [] }).ok).toBe(false)
    expect(checked({ ...cf, household: {} }).ok).toBe(false)
    // The entities themselves are taken as the reader gives them…
    const visits = [{ ...makeVisit(), visitedAt: 'not a date' }]
    expect(checked({ ...cf, visits }).ok).toBe(true)
    expect(migrateCaseFile({ ...cf, visits }).ok).toBe(false)
    // …but an older version is checked in full.
    expect(checked({ ...cf, meta: { ...cf.meta, schemaVersion: CASE_SCHEMA_VERSION - 1 }, visits }).ok).toBe(false)
  })
  it('migrates version 1, refuses newer, missing or broken files', () => {
    const cf = makeCaseFile()
    const ok = migrateCaseFile(JSON.parse(JSON.stringify(cf)))
    expect(ok).toEqual({ ok: true, caseFile: cf })
    const newer = migrateCaseFile({ ...cf, meta: { ...cf.meta, schemaVersion: CASE_SCHEMA_VERSION + 1 } })
    expect(newer.ok).toBe(false)
    expect(newer.ok ? '' : newer.reason).toContain('업데이트')
    expect(migrateCaseFile(null).ok).toBe(false)
    const broken = migrateCaseFile({ ...cf, household: {} })
    expect(broken.ok).toBe(false)
    // zod's generic part of the reason is Korean too (the default locale), not "Invalid input".
    expect(broken.ok ? '' : broken.reason).toMatch(/^사례 파일이 올바르지 않습니다: [^A-Za-z]*[가-힣]/)
  })
})
