// Display formats and Korean name search: phones, ko collation, 초성 (initial consonant) matching.
import { digitsOnly } from './primitives'

export function normalizePhone(value: string): string {
  return digitsOnly(value)
}

/** '01012345678' → '010-1234-5678', '0212345678' → '02-1234-5678', '15881234' → '1588-1234'. */
export function formatPhone(value: string): string {
  const d = digitsOnly(value)
  if (/^1\d{7}$/.test(d)) return `${d.slice(0, 4)}-${d.slice(4)}`
  if (d.startsWith('02') && (d.length === 9 || d.length === 10)) {
    return `02-${d.slice(2, d.length - 4)}-${d.slice(-4)}`
  }
  if (/^0\d{9,10}$/.test(d)) return `${d.slice(0, 3)}-${d.slice(3, d.length - 4)}-${d.slice(-4)}`
  return value
}

const collator = new Intl.Collator('ko')
/** Korean dictionary order, one shared collator (sorting 5,000 names stays fast). */
export function compareKo(a: string, b: string): number {
  return collator.compare(a, b)
}

const SYLLABLE_FIRST = 0xac00
const SYLLABLE_LAST = 0xd7a3
const SYLLABLES_PER_INITIAL = 588 // 21 vowels × 28 finals
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'

function initialOf(ch: string): string | undefined {
  const code = ch.codePointAt(0) ?? 0
  if (code < SYLLABLE_FIRST || code > SYLLABLE_LAST) return undefined
  return INITIALS[Math.floor((code - SYLLABLE_FIRST) / SYLLABLES_PER_INITIAL)]
}

/** '김민수' → 'ㄱㅁㅅ'; characters that are not Hangul syllables are kept as they are. */
export function choseong(text: string): string {
  return Array.from(text, (ch) => initialOf(ch) ?? ch).join('')
}

function charMatches(nameCh: string, queryCh: string): boolean {
  if (nameCh === queryCh) return true
  return INITIALS.includes(queryCh) && initialOf(nameCh) === queryCh
}

/**
 * Substring search where each query character is either itself or an initial consonant standing
 * for any syllable that starts with it: '민수', 'ㄱㅁㅅ', '김ㅁ' all match '김민수'. Spaces and case ignored.
 */
export function matchesName(name: string, query: string): boolean {
  const q = Array.from(query.replace(/\s+/g, '').toLowerCase())
  if (q.length === 0) return true
  const n = Array.from(name.replace(/\s+/g, '').toLowerCase())
  for (let start = 0; start + q.length <= n.length; start++) {
    if (q.every((qc, i) => charMatches(n[start + i] as string, qc))) return true
  }
  return false
}
