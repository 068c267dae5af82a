// The household (가구): 대상 유형 belongs here, as in seed 003's tables.
import * as z from 'zod/mini'
import { TargetTypeSchema } from './enums'
import { PhoneSchema, requiredText, safeText } from './primitives'

export const HouseholdSchema = z.object({
  targetType: TargetTypeSchema,
  address: requiredText(200, '주소를 입력하세요.'),
  addressDetail: z.optional(safeText(100)),
  phone: z.optional(PhoneSchema),
  /** 행복e음 관리번호: the household's number in the national social security system, for search. */
  householdNo: z.optional(
    z.string().check(z.regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,29}$/, '행복e음 관리번호는 숫자·영문과 - 만 30자까지 쓸 수 있습니다.')),
  ),
  note: z.optional(safeText(2000)),
})
export type Household = z.infer<typeof HouseholdSchema>
