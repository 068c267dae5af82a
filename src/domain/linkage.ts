// 복지서비스 연계: a service linked for one or more members, with its status.
import { z } from 'zod'
import { LinkageStatusSchema, ServiceDomainSchema } from './enums'
import type { LinkageStatus } from './enums'
import { DateStringSchema, IdSchema, requiredText, safeText } from './primitives'

export const LinkageSchema = z.object({
  id: IdSchema,
  domain: ServiceDomainSchema,
  service: requiredText(100, '서비스명을 입력하세요.'),
  provider: requiredText(100, '제공기관을 입력하세요.'),
  resourceId: z.string().min(1).max(64).optional(),
  memberIds: z.array(IdSchema).min(1, '연계 대상 가구원을 한 명 이상 선택하세요.'),
  status: LinkageStatusSchema,
  startDate: DateStringSchema.optional(),
  note: safeText(2000).optional(),
})
export type Linkage = z.infer<typeof LinkageSchema>

/** Statuses that mean the service was actually linked (counted in statistics). */
export const LINKED_STATUSES: readonly LinkageStatus[] = ['requested', 'inProgress', 'completed']
