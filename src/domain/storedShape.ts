// What a relay may refuse in a stored record: a shape no honest client writes (a wrong type, an unknown
// enum value, a malformed date, id or number, a full 주민등록번호). Rules that two valid edits can break
// once merged are not shape: a reason cleared on one device while another sets 제외, a Y.Text grown past
// its limit by two appends, a list emptied by two removals, dates of one record changed apart. Those are
// tolerated at read (entities skipped, StoredSelectionSchema) and checked again at the next command.
import { DATE_MESSAGE, RRN_MESSAGE } from './primitives'

interface Issue {
  code: string
  message: string
  origin?: string
  path?: PropertyKey[]
}
interface Checkable {
  safeParse(value: unknown): { success: boolean; error?: { issues: readonly Issue[] } }
}

/** Messages of custom checks that only a wrong value can fail, whatever was merged. */
const SHAPE_MESSAGES = new Set<string>([DATE_MESSAGE, RRN_MESSAGE])
/** Lengths of texts and lists are what merging grows or shrinks; a number out of range is a wrong value. */
const MERGEABLE_ORIGINS = new Set<string>(['string', 'array'])

export function isShapeIssue(issue: Issue): boolean {
  if (issue.code === 'custom') return SHAPE_MESSAGES.has(issue.message)
  if (issue.code === 'too_big' || issue.code === 'too_small') return !MERGEABLE_ORIGINS.has(issue.origin ?? '')
  return true
}

/** The first shape problem of `value` under `schema` ('path: message', no values), or null. */
export function shapeProblem(schema: Checkable, value: unknown): string | null {
  const result = schema.safeParse(value)
  if (result.success) return null
  const issue = result.error?.issues.find(isShapeIssue)
  if (!issue) return null
  return `${(issue.path ?? []).map(String).join('.')}: ${issue.message}`
}
