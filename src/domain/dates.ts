// Calendar arithmetic on 'YYYY-MM-DD' strings (calendar days in Asia/Seoul) and display formats.
// Dates are handled as UTC midnights internally so no local time zone or DST can shift a day.

export const SEOUL_TIME_ZONE = 'Asia/Seoul'
const DAY_MS = 86_400_000
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

const seoulDateParts = new Intl.DateTimeFormat('en-US', {
  timeZone: SEOUL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** Korea has kept UTC+9 without daylight saving since 1988-10-09 (KST); from then on, plain arithmetic. */
const FIXED_OFFSET_SINCE_MS = Date.UTC(1988, 9, 9)
const SEOUL_OFFSET_MS = 9 * 3_600_000

function partsInSeoul(instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const t = instant.getTime()
  if (t >= FIXED_OFFSET_SINCE_MS) {
    // Intl's formatToParts costs ~10 µs a call, and projecting a case file calls this many times.
    const s = new Date(t + SEOUL_OFFSET_MS)
    return { year: pad(s.getUTCFullYear(), 4), month: pad(s.getUTCMonth() + 1), day: pad(s.getUTCDate()), hour: pad(s.getUTCHours()), minute: pad(s.getUTCMinutes()) }
  }
  const out = { year: '', month: '', day: '', hour: '', minute: '' }
  for (const p of seoulDateParts.formatToParts(instant)) {
    if (p.type in out) out[p.type as keyof typeof out] = p.value
  }
  return out
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** True for a real calendar date written 'YYYY-MM-DD' (no 2026-02-30). */
export function isDateString(value: string): boolean {
  const m = DATE_RE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

function toUtcMs(date: string): number {
  if (!isDateString(date)) throw new RangeError(`not a date: ${date}`)
  return Date.parse(`${date}T00:00:00Z`)
}

function fromUtcMs(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** Today's calendar date in Seoul, whatever the device's time zone. */
export function todayInSeoul(now: Date = new Date()): string {
  const p = partsInSeoul(now)
  return `${p.year}-${p.month}-${p.day}`
}

/** The Seoul calendar day of a date or an ISO instant ('2026-11-21T16:00:00Z' → '2026-11-22'). */
export function dayOf(dateOrInstant: string): string {
  if (isDateString(dateOrInstant)) return dateOrInstant
  const t = new Date(dateOrInstant)
  if (Number.isNaN(t.getTime())) throw new RangeError(`not a date or instant: ${dateOrInstant}`)
  return todayInSeoul(t)
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtcMs(dayOf(b)) - toUtcMs(dayOf(a))) / DAY_MS)
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(dayOf(date)) + days * DAY_MS)
}

/** Calendar months; the day is clamped to the target month's end (01-31 + 1 month → 02-28). */
export function addMonths(date: string, months: number): string {
  const d = new Date(toUtcMs(dayOf(date)))
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months
  const y = Math.floor(total / 12)
  const m = total - y * 12
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  return fromUtcMs(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)))
}

/** Latest of some dates (any mix of dates and instants compared by Seoul day); undefined if none. */
export function maxDate(values: Iterable<string | undefined>): string | undefined {
  let best: string | undefined
  for (const v of values) {
    if (v === undefined) continue
    const day = dayOf(v)
    if (best === undefined || day > best) best = day
  }
  return best
}

/** '2026-11-21' or an instant → '2026.11.21'. */
export function formatDate(dateOrInstant: string): string {
  return dayOf(dateOrInstant).replaceAll('-', '.')
}

/** An ISO instant → '2026.11.21 14:05' in Seoul time. */
export function formatDateTime(instant: string): string {
  const t = new Date(instant)
  if (Number.isNaN(t.getTime())) throw new RangeError(`not an instant: ${instant}`)
  const p = partsInSeoul(t)
  return `${p.year}.${p.month}.${p.day} ${p.hour}:${p.minute}`
}
