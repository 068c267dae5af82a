import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createCase, createVisit, getCaseFile, updateVisit } from '../../../src/store'
import { caseInput, reopen, useFreshStore } from './helpers'

describe('commands started in the same moment', () => {
  useFreshStore()

  it('keep every change: none prepares from a state another is about to replace', async () => {
    const caseId = await createCase(caseInput())
    const visitId = await createVisit(caseId, { contact: 'met' })
    // A quick worker taps three controls before the first save has finished.
    await Promise.all([
      updateVisit(caseId, visitId, { kind: 'jointHealthCenter' }),
      updateVisit(caseId, visitId, { contact: 'met' }),
      updateVisit(caseId, visitId, { crisisSigns: ['mailPiling'] }),
    ])
    await reopen()
    const visit = (await getCaseFile(caseId))?.visits.find((v) => v.id === visitId)
    expect(visit?.kind).toBe('jointHealthCenter')
    expect(visit?.contact).toBe('met')
    expect(visit?.crisisSigns).toEqual(['mailPiling'])
  })
})
