// PIN rules. A PIN only unlocks a device that was unlocked by password recently; it never replaces
// the password. See docs/SECURITY.md for what it does and does not protect.

export const PIN_MIN_DIGITS = 6
export const PIN_MAX_DIGITS = 12
/** Wrong PINs in a row before the PIN is erased and only the password unlocks. */
export const PIN_MAX_FAILURES = 5
export const DEFAULT_PIN_DAYS = 7
export const DEFAULT_IDLE_MINUTES = 10

export type PinProblem = 'format' | 'repeated' | 'sequence'

/** Why a new PIN is refused, or null when it is acceptable. */
export function pinProblem(pin: string): PinProblem | null {
  if (!new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`).test(pin)) return 'format'
  if (/^(\d)\1+$/.test(pin)) return 'repeated'
  const digits = [...pin].map(Number)
  const steps = new Set(digits.slice(1).map((d, i) => (d - (digits[i] as number) + 10) % 10))
  if (steps.size === 1 && (steps.has(1) || steps.has(9))) return 'sequence'
  return null
}

/** True when the PIN may no longer be used: `days` have passed since the last password unlock. */
export function pinExpired(lastPasswordAt: string, days: number, now: Date = new Date()): boolean {
  const last = Date.parse(lastPasswordAt)
  if (!Number.isFinite(last)) return true
  return now.getTime() - last >= days * 24 * 60 * 60 * 1000
}
