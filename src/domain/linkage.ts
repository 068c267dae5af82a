// 복지서비스 연계: a service linked for one or more members, with its status.
import * as z from 'zod/mini'
import { LinkageStatusSchema, ServiceDomainSchema } from './enums'
import type { LinkageStatus } from './enums'
import { DateStringSchema, IdSchema, requiredText, safeText } from './primitives'

export const LinkageSchema = z.object({
  id: IdSchema,
  domain: ServiceDomainSchema,
  service: requiredText(100, '서비스명을 입력하세요.'),
  provider: requiredText(100, '제공기관을 입력하세요.'),
  resourceId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  memberIds: z.array(IdSchema).check(z.minLength(1, '연계 대상 가구원을 한 명 이상 선택하세요.')),
  status: LinkageStatusSchema,
  startDate: z.optional(DateStringSchema),
  note: z.optional(safeText(2000)),
})
export type Linkage = z.infer<typeof LinkageSchema>

/** Statuses that mean the service was actually linked (counted in statistics). */
export const LINKED_STATUSES: readonly LinkageStatus[] = ['requested', 'inProgress', 'completed']
