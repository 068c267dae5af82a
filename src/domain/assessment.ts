// 욕구조사 with 위기조사: urgency (시급성) and importance (중요도) per need domain, plus crisis signs.
import * as z from 'zod/mini'
import { CrisisSignSchema, SERVICE_DOMAINS, ServiceDomainSchema } from './enums'
import type { ServiceDomain } from './enums'
import { DateStringSchema, safeText } from './primitives'

const ScoreSchema = z
  .number()
  .check(z.int('1~5 사이의 정수여야 합니다.'), z.minimum(1, '1 이상이어야 합니다.'), z.maximum(5, '5 이하여야 합니다.'))

export const NeedSchema = z.object({
  urgency: ScoreSchema,
  importance: ScoreSchema,
  note: safeText(2000),
})
export type Need = z.infer<typeof NeedSchema>

export const AssessmentSchema = z.object({
  date: z.optional(DateStringSchema),
  needs: z.partialRecord(ServiceDomainSchema, NeedSchema),
  crisisSigns: z.array(CrisisSignSchema).check(z.refine((s) => new Set(s).size === s.length, '위기 징후가 중복되었습니다.')),
})
export type Assessment = z.infer<typeof AssessmentSchema>

export function assessedDomains(assessment: Assessment): ServiceDomain[] {
  return SERVICE_DOMAINS.filter((d) => assessment.needs[d] !== undefined)
}

/** Needs in plan priority: urgency first, then importance, then the fixed domain order. */
export function rankedNeeds(assessment: Assessment): { domain: ServiceDomain; need: Need }[] {
  return assessedDomains(assessment)
    .map((domain) => ({ domain, need: assessment.needs[domain] as Need }))
    .sort((a, b) => b.need.urgency - a.need.urgency || b.need.importance - a.need.importance)
}
