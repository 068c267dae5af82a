import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import {
  TransitionError,
  ValidationError,
  addLinkage,
  addPlannedService,
  changeStage,
  closeCase,
  createCase,
  createVisit,
  getCaseFile,
  setSelection,
  setText,
  updateMember,
} from '../../../src/store'
import { getDb } from '../../../src/store/db'
import { caseInput, useFreshStore } from './helpers'

async function counts(): Promise<number[]> {
  const db = getDb()
  return [await db.updates.count(), await db.docs.count(), await db.cases.count()]
}

async function refused(run: () => Promise<unknown>): Promise<ValidationError> {
  const before = await counts()
  const err = await run().then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(ValidationError)
  expect(await counts()).toEqual(before)
  return err as ValidationError
}

describe('invalid input is refused and nothing is written', () => {
  useFreshStore()

  it('refuses a new case with a bad phone and no address, with Korean messages and paths', async () => {
    const err = await refused(() =>
      createCase(caseInput({ household: { targetType: 'basic', address: ' ' }, members: [{ name: '김민수', phone: '12-34' }] })),
    )
    const paths = err.issues.map((i) => i.path)
    expect(paths).toContain('household.address')
    expect(paths).toContain('members.0.phone')
    for (const i of err.issues) expect(i.message).toMatch(/[가-힣]/)
    expect(await counts()).toEqual([0, 0, 0])
  })

  it('refuses a full 주민등록번호 in free text', async () => {
    const id = await createCase(caseInput())
    const visitId = await createVisit(id, { contact: 'met' })
    const err = await refused(() => setText(id, ['visits', visitId, 'observations'], '주민번호 500302-1234567 확인'))
    expect(err.issues[0]?.message).toContain('주민등록번호')
    expect((await getCaseFile(id))?.visits[0]?.observations).toBe('')
  })

  it('refuses unknown enum values, unknown members and plans before selection', async () => {
    const id = await createCase(caseInput())
    const cf = await getCaseFile(id)
    const memberId = cf?.members[0]?.id as string
    await refused(() => createVisit(id, { contact: 'met', kind: 'telepathy' as never }))
    await refused(() => updateMember(id, memberId, { sexDigit: '9' }))
    await refused(() =>
      addLinkage(id, { domain: 'health', service: '방문건강관리', provider: '보건소', memberIds: ['nobody'] }),
    )
    const planErr = await refused(() =>
      addPlannedService(id, { domain: 'health', name: '방문건강관리', provider: '보건소', startDate: '2026-11-21' }),
    )
    expect(planErr.issues[0]?.message).toContain('사례관리가구')
    await refused(() => setSelection(id, { kind: 'excluded', decidedAt: '2026-11-21' }))
    await refused(() => setText(id, ['visits', 'no-such-visit', 'observations'], 'x'))
  })

  it('refuses a stage change the rules forbid with a Korean TransitionError, writing nothing', async () => {
    const id = await createCase(caseInput({ intake: { date: '2026-11-01', source: 'self', presentingProblem: '' } }))
    const before = await counts()
    await expect(changeStage(id, 'assessment')).rejects.toThrow(TransitionError)
    await expect(changeStage(id, 'planning')).rejects.toThrow(/[가-힣]/)
    expect(await counts()).toEqual(before)
    expect((await getCaseFile(id))?.meta.stage).toBe('intake')
  })

  it('accepts an allowed stage change and records it in the history', async () => {
    const id = await createCase(caseInput())
    await changeStage(id, 'assessment')
    const cf = await getCaseFile(id)
    expect(cf?.meta.stage).toBe('assessment')
    expect(cf?.history.at(-1)).toMatchObject({ kind: 'stage', from: 'intake', to: 'assessment' })
  })

  it('closes a case only with a valid reason and records closure and stage in history', async () => {
    const id = await createCase(caseInput())
    await refused(() => closeCase(id, { date: '2026-11-21', reason: 'bored' as never }))
    await closeCase(id, { date: '2026-11-21', reason: 'refusal' })
    const cf = await getCaseFile(id)
    expect(cf?.meta.stage).toBe('closed')
    expect(cf?.closure?.reason).toBe('refusal')
    expect(cf?.history.map((h) => h.kind)).toEqual(['closure', 'stage'])
  })
})
