// The household (가구): 대상 유형 belongs here, as in seed 003's tables.
import { z } from 'zod'
import { TargetTypeSchema } from './enums'
import { PhoneSchema, requiredText, safeText } from './primitives'

export const HouseholdSchema = z.object({
  targetType: TargetTypeSchema,
  address: requiredText(200, '주소를 입력하세요.'),
  addressDetail: safeText(100).optional(),
  phone: PhoneSchema.optional(),
  note: safeText(2000).optional(),
})
export type Household = z.infer<typeof HouseholdSchema>
