// The household (가구): 대상 유형 belongs here, as in seed 003's tables.
import * as z from 'zod/mini'
import { TargetTypeSchema } from './enums'
import { PhoneSchema, requiredText, safeText } from './primitives'

export const HouseholdSchema = z.object({
  targetType: TargetTypeSchema,
  address: requiredText(200, '주소를 입력하세요.'),
  addressDetail: z.optional(safeText(100)),
  phone: z.optional(PhoneSchema),
  note: z.optional(safeText(2000)),
})
export type Household = z.infer<typeof HouseholdSchema>
