// 개인정보 수집·이용 및 제3자 제공 동의 (issue 9): recorded with its date, scope (agencies or purposes) and
// how it was given (서면 / 구두), and withdrawn from a day on; each leaves a history event. A referral or
// share outside the team needs one that covers the receiving team (referrals.ts, and the relay checks it).
import * as z from 'zod/mini'
import { ConsentSchema, DateStringSchema, consentProblem, todayInSeoul } from '../domain'
import type { Consent } from '../domain'
import { writeEntity } from './caseDoc'
import { mutateCase, newId, nowInstant, refuse } from './commandCore'
import { validate } from './validate'

export type ConsentInput = Pick<Consent, 'date' | 'scope' | 'method'> & { note?: string }

/** Records a consent; returns its id. `by`: the worker's username, kept with it. */
export async function recordConsent(caseId: string, input: ConsentInput, by?: string): Promise<string> {
  const scope = [...new Set(input.scope.map((s) => s.trim()).filter(Boolean))]
  const note = input.note?.trim() ? input.note : undefined
  const consent = validate(ConsentSchema, {
    id: newId(), date: input.date, scope, method: input.method, recordedAt: nowInstant(),
    ...(note ? { note } : {}), ...(by ? { recordedBy: by } : {}),
  })
  const problem = consentProblem(consent, todayInSeoul())
  if (problem) refuse(problem.path, problem.message)
  return mutateCase(caseId, () => ({
    result: consent.id,
    write: (doc) => writeEntity(doc, 'consents', consent),
    history: [{ at: consent.recordedAt, kind: 'consent' as const, note: scope.join(', '), ...(by ? { by } : {}) }],
  }))
}

/** Withdraws a consent from `date` on (the day it takes effect): from then on it covers no provision. */
export async function withdrawConsent(caseId: string, consentId: string, date: string, by?: string): Promise<void> {
  const day = validate(z.object({ withdrawnAt: DateStringSchema }), { withdrawnAt: date }).withdrawnAt
  await mutateCase(caseId, (cf) => {
    const consent = cf.consents.find((c) => c.id === consentId) ?? refuse('consentId', '동의 기록을 찾을 수 없습니다.')
    if (consent.withdrawnAt !== undefined) refuse('withdrawnAt', '이미 철회된 동의입니다.')
    const withdrawn = { ...consent, withdrawnAt: day }
    const problem = consentProblem(withdrawn, todayInSeoul())
    if (problem) refuse(problem.path, problem.message)
    return {
      result: undefined,
      write: (doc) => writeEntity(doc, 'consents', withdrawn),
      history: [{ at: nowInstant(), kind: 'consentWithdrawn' as const, note: consent.scope.join(', '), ...(by ? { by } : {}) }],
    }
  })
}
