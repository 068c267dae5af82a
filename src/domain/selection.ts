// 대상자 구분·선정: case management, linkage only, or excluded (with a reason).
import * as z from 'zod/mini'
import { SelectionKindSchema } from './enums'
import { DateOrInstantSchema, safeText } from './primitives'

/**
 * The selection as a case file holds it. Two devices can each make a valid edit that merge into 제외 with
 * no reason (one sets 'excluded', the other clears the reason), so reading tolerates it; the reason is
 * required again by the next command (SelectionSchema for setSelection, checkTransition for the stage).
 */
export const StoredSelectionSchema = z.object({
  kind: SelectionKindSchema,
  decidedAt: DateOrInstantSchema,
  reason: z.optional(safeText(1000)),
})

/** A selection a command writes: 사업대상제외가구 needs a reason. */
export const SelectionSchema = StoredSelectionSchema
  .check(
    z.refine((s) => s.kind !== 'excluded' || (s.reason ?? '').trim().length > 0, {
      path: ['reason'],
      message: '사업대상제외가구는 제외 사유를 입력해야 합니다.',
    }),
  )
export type Selection = z.infer<typeof SelectionSchema>
