// What the case list's search box and filters match, on the list summary (never on the full file):
// names with 초성, the address, phone numbers, and the 행복e음 관리번호.
import { compareKo, matchesName } from './format'
import type { CaseLevel, SelectionKind, TargetType } from './enums'
import type { CaseSummary } from './summary'

/** Digits typed in a search count as a phone number once there are this many. */
const PHONE_DIGITS = 3
/** A single character searches names only: "서" finds 서민준, not every address in 서울. */
const ADDRESS_CHARS = 2

export function matchesCaseQuery(s: CaseSummary, query: string): boolean {
  const text = query.trim()
  if (!text) return true
  if (matchesName(s.headName, text) || s.memberNames.some((n) => matchesName(n, text))) return true
  const compact = text.replace(/\s+/g, '').toLowerCase()
  if (compact.length >= ADDRESS_CHARS && s.address.replace(/\s+/g, '').toLowerCase().includes(compact)) return true
  // "010-1234", "1234 5678": digits with only separators between them.
  const digits = compact.replace(/-/g, '')
  if (/^\d+$/.test(digits) && digits.length >= PHONE_DIGITS && (s.phones ?? []).some((p) => p.includes(digits))) return true
  return s.householdNo !== undefined && s.householdNo.replace(/-/g, '').toLowerCase().includes(digits)
}

/** 'none': no selection recorded yet. */
export type SelectionFilter = SelectionKind | 'none'

export interface CaseFilter {
  targetType?: TargetType
  selection?: SelectionFilter
  level?: CaseLevel
  /** 의뢰 받음: cases a referral waits at for this team (its id), not yet accepted. */
  referredTo?: string
}

export function matchesCaseFilter(s: CaseSummary, f: CaseFilter): boolean {
  if (f.targetType && s.targetType !== f.targetType) return false
  if (f.level && s.level !== f.level) return false
  if (f.selection && (s.selectionKind ?? 'none') !== f.selection) return false
  if (f.referredTo && !(s.referredTo ?? []).includes(f.referredTo)) return false
  return true
}

export const CASE_SORTS = ['name', 'nextDue', 'lastContact'] as const
export type CaseSort = (typeof CASE_SORTS)[number]

const byId = (a: CaseSummary, b: CaseSummary) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const byName = (a: CaseSummary, b: CaseSummary) => compareKo(a.headName, b.headName) || byId(a, b)
/** Earlier first; cases without the date go last. */
const byDate = (a: string | undefined, b: string | undefined) => (a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : a < b ? -1 : 1)

/**
 * 가나다 by head of household; next due: the nearest deadline first; last contact: the longest
 * without contact first (who to call next).
 */
export const CASE_ORDER: Record<CaseSort, (a: CaseSummary, b: CaseSummary) => number> = {
  name: byName,
  nextDue: (a, b) => byDate(a.nextDue, b.nextDue) || byName(a, b),
  lastContact: (a, b) => byDate(a.lastContactDate, b.lastContactDate) || byName(a, b),
}
