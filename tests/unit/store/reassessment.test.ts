// 재판정: a case holds several dated assessments. The current one is kept whole in the history, the
// new one starts from its scores, and the latest (the case's assessment) is what the plan follows.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { pastAssessments, rankedNeeds } from '../../../src/domain'
import { ValidationError, createCase, getCaseFile, setAssessmentDate, setNeed, startReassessment } from '../../../src/store'
import { caseInput, useFreshStore } from './helpers'

describe('re-assessment', () => {
  useFreshStore()

  it('keeps the earlier assessment whole and starts the new one from its scores', async () => {
    const id = await createCase(caseInput())
    await setNeed(id, 'economy', { urgency: 5, importance: 5 })
    await setNeed(id, 'health', { urgency: 2, importance: 3 })
    await setAssessmentDate(id, '2026-11-05')
    await startReassessment(id, '2027-02-05')
    await setNeed(id, 'economy', { urgency: 1, importance: 2 }) // 체납 해소
    await setNeed(id, 'health', { urgency: 5, importance: 4 })

    const cf = (await getCaseFile(id))!
    expect(cf.assessment.date).toBe('2027-02-05')
    expect(rankedNeeds(cf.assessment).map((n) => n.domain)).toEqual(['health', 'economy'])
    const past = pastAssessments(cf.history)
    expect(past).toHaveLength(1)
    expect(past[0]!.assessment.date).toBe('2026-11-05')
    expect(rankedNeeds(past[0]!.assessment).map((n) => n.domain)).toEqual(['economy', 'health'])
    expect(cf.history.at(-1)).toMatchObject({ kind: 'reassessment', from: '2026-11-05', to: '2027-02-05' })
  })

  it('refuses without an assessment to replace, or dated before the current one', async () => {
    const id = await createCase(caseInput())
    await expect(startReassessment(id, '2027-01-01')).rejects.toBeInstanceOf(ValidationError)
    await setNeed(id, 'housing', { urgency: 4, importance: 4 })
    await setAssessmentDate(id, '2026-11-05')
    await expect(startReassessment(id, '2026-10-01')).rejects.toBeInstanceOf(ValidationError)
    await expect(startReassessment(id, '2026-13-01')).rejects.toBeInstanceOf(ValidationError)
    expect(pastAssessments((await getCaseFile(id))!.history)).toEqual([])
  })
})
