// 서비스제공계획: long- and short-term goals and the planned services.
import * as z from 'zod/mini'
import { ServiceDomainSchema } from './enums'
import { DateStringSchema, IdSchema, requiredText, safeText } from './primitives'

export const PlannedServiceSchema = z
  .object({
    id: IdSchema,
    domain: ServiceDomainSchema,
    name: requiredText(100, '서비스명을 입력하세요.'),
    provider: requiredText(100, '제공기관을 입력하세요.'),
    frequency: safeText(100),
    startDate: DateStringSchema,
    endDate: z.optional(DateStringSchema),
  })
  .check(
    z.refine((s) => s.endDate === undefined || s.endDate >= s.startDate, {
      path: ['endDate'],
      message: '종료일은 시작일 이후여야 합니다.',
    }),
  )
export type PlannedService = z.infer<typeof PlannedServiceSchema>

export const ServicePlanSchema = z.object({
  longTermGoals: safeText(5000),
  shortTermGoals: safeText(5000),
  services: z.array(PlannedServiceSchema),
})
export type ServicePlan = z.infer<typeof ServicePlanSchema>

/** A plan counts as written once it has a goal or a service. */
export function isPlanWritten(plan: ServicePlan | undefined): boolean {
  if (!plan) return false
  return plan.longTermGoals.trim() !== '' || plan.shortTermGoals.trim() !== '' || plan.services.length > 0
}
