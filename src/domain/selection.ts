// 대상자 구분·선정: case management, linkage only, or excluded (with a reason).
import * as z from 'zod/mini'
import { SelectionKindSchema } from './enums'
import { DateOrInstantSchema, safeText } from './primitives'

export const SelectionSchema = z
  .object({
    kind: SelectionKindSchema,
    decidedAt: DateOrInstantSchema,
    reason: z.optional(safeText(1000)),
  })
  .check(
    z.refine((s) => s.kind !== 'excluded' || (s.reason ?? '').trim().length > 0, {
      path: ['reason'],
      message: '사업대상제외가구는 제외 사유를 입력해야 합니다.',
    }),
  )
export type Selection = z.infer<typeof SelectionSchema>
