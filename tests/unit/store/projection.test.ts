import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { addDays, todayInSeoul } from '../../../src/domain'
import { createCase, createVisit, rebuildProjections, saveSettings, setText } from '../../../src/store'
import { getDb } from '../../../src/store/db'
import { caseInput, useFreshStore } from './helpers'
import { readCaseRow } from '../../../src/store/projection'

describe('projection rows', () => {
  useFreshStore()

  it('are written with the case and carry summary fields and 0/1 due flags', async () => {
    const today = todayInSeoul()
    const id = await createCase(caseInput({ intake: { date: addDays(today, -20), source: 'self', presentingProblem: '체납' } }))
    const row = await readCaseRow(id)
    expect(row?.summary).toMatchObject({ id, headName: '김민수', memberNames: ['김민수', '이영희'], stage: 'intake', targetType: 'basic' })
    expect(row?.assessmentOverdue).toBe(1) // 20 days since intake, the default allows 10
    expect(row?.summary.due.assessmentOverdue).toBe(true)
    expect(row?.visitOverdue).toBe(0)
    expect(row?.dueDay).toBe(today)
  })

  it('follow every change of the case (visits move the last contact date)', async () => {
    const id = await createCase(caseInput())
    const visitedAt = new Date().toISOString()
    const visitId = await createVisit(id, { visitedAt, contact: 'met', nextVisitDate: addDays(todayInSeoul(), 7) })
    const row = await readCaseRow(id)
    expect(row?.summary.lastContactDate).toBe(todayInSeoul())
    expect(row?.summary.nextVisitDate).toBe(addDays(todayInSeoul(), 7))
    const before = row?.updatedAt
    await setText(id, ['visits', visitId, 'observations'], '메모')
    expect((await getDb().cases.get(id))?.updatedAt).toBe(before) // text edits stamp at most once a minute
  })

  it('recompute due flags when the deadline settings change', async () => {
    const today = todayInSeoul()
    const id = await createCase(caseInput({ intake: { date: addDays(today, -20), source: 'self', presentingProblem: '체납' } }))
    expect((await getDb().cases.get(id))?.assessmentOverdue).toBe(1)
    await saveSettings({ deadlines: { intakeToAssessmentDays: 60 } })
    await vi.waitFor(async () => expect((await getDb().cases.get(id))?.assessmentOverdue).toBe(0))
  })

  it('rebuild from the update log after the table is lost', async () => {
    const a = await createCase(caseInput())
    const b = await createCase(caseInput({ members: [{ name: '박지성' }] }))
    await getDb().cases.clear()
    expect(await rebuildProjections()).toBe(2)
    expect((await readCaseRow(a))?.summary.headName).toBe('김민수')
    expect((await readCaseRow(b))?.summary.headName).toBe('박지성')
  })

  it('keep personal data out of IndexedDB indexes', () => {
    // Lists filter in memory: the case rows are indexed by the day their due flags hold for, nothing else.
    expect(getDb().cases.schema.indexes.map((i) => i.name)).toEqual(['dueDay'])
    const db = getDb()
    const everyIndex = db.tables.flatMap((t) => t.schema.indexes.map((i) => `${t.name}.${i.name}`))
    expect(everyIndex.length).toBeGreaterThan(3)
    // docName is the document id (case/<uuid>), not a person's name.
    for (const n of everyIndex) expect(n.replace(/docName/g, 'doc')).not.toMatch(/name|head|member|address|phone|summary|note|text/i)
  })
})

describe('bulk read', () => {
  useFreshStore()

  it('loadAllCaseFiles returns every case, open or not', async () => {
    const { loadAllCaseFiles } = await import('../../../src/store')
    const ids = [await createCase(caseInput()), await createCase(caseInput({ members: [{ name: '박지성' }] }))]
    const { reopen } = await import('./helpers')
    await reopen()
    await createVisit(ids[0] as string, { contact: 'met' }) // one open, one not
    const files = await loadAllCaseFiles()
    expect(files.map((f) => f.meta.id).sort()).toEqual([...ids].sort())
    expect(files.find((f) => f.meta.id === ids[0])?.visits).toHaveLength(1)
  })
})
