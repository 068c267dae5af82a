// The last UI language, kept outside the encrypted store (it says nothing about anyone) so the lock
// screen can speak it before a store is open.
import { isLocale } from '../i18n'
import type { Locale } from '../i18n'

const KEY = 'doum.locale'

export function lastLocale(): Locale {
  try {
    const stored = localStorage.getItem(KEY)
    return isLocale(stored) ? stored : 'ko'
  } catch {
    return 'ko'
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(KEY, locale)
  } catch {
    // storage blocked: the lock screen falls back to Korean
  }
}
