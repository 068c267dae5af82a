// 재개 and 사례 수준: reopening clears the closure from the current state (deadlines and statistics see
// an open case) and keeps it whole in the history; a level change needs a reason and is kept too.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { caseStatusColumn, computeDeadlines } from '../../../src/domain'
import {
  ValidationError, TransitionError, changeLevel, changeStage, closeCase, createCase, getCaseFile, reopenCase, setSelection,
} from '../../../src/store'
import { caseInput, useFreshStore } from './helpers'

async function closed(): Promise<string> {
  const id = await createCase(caseInput())
  await setSelection(id, { kind: 'linkage', decidedAt: '2026-11-05' })
  await changeStage(id, 'assessment').catch(() => undefined)
  await closeCase(id, { date: '2026-11-30', reason: 'improved', note: '상황 호전' })
  return id
}

describe('reopening a closed case', () => {
  useFreshStore()

  it('goes back to 서비스 제공 without the closure, which the history keeps', async () => {
    const id = await closed()
    expect(caseStatusColumn((await getCaseFile(id))!)).toBe('closed')
    await reopenCase(id, '다시 체납 발생')
    const cf = (await getCaseFile(id))!
    expect(cf.meta.stage).toBe('delivery')
    expect(cf.closure).toBeUndefined()
    expect(caseStatusColumn(cf)).toBe('linkage')
    // Open again: the no-contact clock runs, no follow-up is due.
    expect(computeDeadlines(cf).noContactOn).toBeDefined()
    expect(computeDeadlines(cf).nextFollowUpOn).toBeUndefined()
    const event = cf.history.at(-1)!
    expect(event).toMatchObject({ kind: 'reopen', from: 'closed', to: 'delivery', note: '다시 체납 발생' })
    expect(event.closure).toEqual({ date: '2026-11-30', reason: 'improved', note: '상황 호전' })
  })

  it('needs a reason, and only a closed case (or one in 사후관리) can be reopened', async () => {
    const id = await closed()
    await expect(reopenCase(id, '  ')).rejects.toBeInstanceOf(ValidationError)
    const open = await createCase(caseInput())
    await expect(reopenCase(open, '사유')).rejects.toBeInstanceOf(TransitionError)
    expect((await getCaseFile(id))!.closure).toBeDefined()
  })

  it("the stage picker's 종결 → 서비스 제공 reopens the same way", async () => {
    const id = await closed()
    await changeStage(id, 'delivery')
    const cf = (await getCaseFile(id))!
    expect(cf.closure).toBeUndefined()
    expect(cf.history.at(-1)).toMatchObject({ kind: 'reopen', closure: { reason: 'improved' } })
  })
})

describe('case level', () => {
  useFreshStore()

  it('changes with a reason kept in the history', async () => {
    const id = await createCase(caseInput())
    await changeLevel(id, 'intensive', '자살 위험 신호')
    const cf = (await getCaseFile(id))!
    expect(cf.meta.level).toBe('intensive')
    expect(cf.history.at(-1)).toMatchObject({ kind: 'level', from: 'general', to: 'intensive', note: '자살 위험 신호' })
  })

  it('refuses an empty reason and the level the case already has', async () => {
    const id = await createCase(caseInput())
    await expect(changeLevel(id, 'intensive', '')).rejects.toBeInstanceOf(ValidationError)
    await expect(changeLevel(id, 'general', '그대로')).rejects.toBeInstanceOf(ValidationError)
    expect((await getCaseFile(id))!.history.filter((h) => h.kind === 'level')).toEqual([])
  })
})
