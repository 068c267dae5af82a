// A household member (가구원). Never a full 주민등록번호: at most the birth date and the sex digit.
import * as z from 'zod/mini'
import { DateStringSchema, IdSchema, PhoneSchema, safeText, requiredText } from './primitives'

/** 1–4: Korean nationals, 5–8: foreign residents; odd digits for 1900s births, 3/4/7/8 for 2000s. */
export const SexDigitSchema = z.string().check(z.regex(/^[1-8]$/, '성별 숫자는 1~8 중 하나입니다.'))

export const MemberSchema = z
  .object({
    id: IdSchema,
    name: requiredText(50, '이름을 입력하세요.'),
    birthDate: z.optional(DateStringSchema),
    sexDigit: z.optional(SexDigitSchema),
    phone: z.optional(PhoneSchema),
    relation: z.optional(safeText(20)),
    isHead: z.boolean(),
  })
  .check(
    z.superRefine((m, ctx) => {
      if (m.sexDigit === undefined || m.birthDate === undefined) return
      const born2000s = ['3', '4', '7', '8'].includes(m.sexDigit)
      const year = Number(m.birthDate.slice(0, 4))
      if (born2000s !== year >= 2000) {
        ctx.addIssue({ code: 'custom', path: ['sexDigit'], message: '성별 숫자가 출생연도와 맞지 않습니다.' })
      }
    }),
  )
export type Member = z.infer<typeof MemberSchema>

/** '1990-12-31', '1' → '901231-1******'; without a sex digit → '901231-*******'. */
export function maskRrn(birthDate: string, sexDigit?: string): string {
  const yymmdd = birthDate.slice(2, 4) + birthDate.slice(5, 7) + birthDate.slice(8, 10)
  return `${yymmdd}-${sexDigit ?? '*'}******`
}

/** The head of household, or the first member when none is marked. */
export function headOf(members: readonly Member[]): Member | undefined {
  return members.find((m) => m.isHead) ?? members[0]
}

/** Age in full years on `today` ('YYYY-MM-DD'). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years
}
