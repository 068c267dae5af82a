// Korean (default) and English UI text. Message files per area are merged here; enum labels come from the domain.
import { createContext, createElement, useCallback, useContext, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import { labelOf } from '../domain/labels'
import type { EnumName, EnumValue } from '../domain/enums'
import { messages as common } from './messages/common'
import { messages as shell } from './messages/shell'
import { messages as cases } from './messages/cases'
import { messages as settings } from './messages/settings'
import { messages as lock } from './messages/lock'

export type Locale = 'ko' | 'en'
export const LOCALES: readonly Locale[] = ['ko', 'en']
export type Vars = Readonly<Record<string, string | number>>
export type TFunction = (key: string, vars?: Vars) => string

export interface MessageFile {
  ko: Readonly<Record<string, string>>
  en: Readonly<Record<string, string>>
}

// What the first screens need (lock, list, shell); the other screens bring their own text with them
// (screenMessages.ts, in the lazily loaded chunk) to keep the first load small on volunteers' phones.
const FIRST_LOAD: readonly MessageFile[] = [common, shell, cases, settings, lock]

export const MESSAGES: Readonly<Record<Locale, Record<string, string>>> = {
  ko: Object.assign({}, ...FIRST_LOAD.map((f) => f.ko)) as Record<string, string>,
  en: Object.assign({}, ...FIRST_LOAD.map((f) => f.en)) as Record<string, string>,
}

/** Adds a screen's messages; called when its module loads, before it renders. */
export function registerMessages(...files: readonly MessageFile[]): void {
  for (const f of files) {
    Object.assign(MESSAGES.ko, f.ko)
    Object.assign(MESSAGES.en, f.en)
  }
}

/** Looks a key up (falling back to Korean, then the key itself) and fills `{name}` placeholders. */
export function translate(locale: Locale, key: string, vars?: Vars): string {
  const text = MESSAGES[locale][key] ?? MESSAGES.ko[key] ?? key
  if (!vars) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}

export function enumLabel<K extends EnumName>(kind: K, value: EnumValue<K>, locale: Locale): string {
  return labelOf(kind, value, locale)
}

export function isLocale(value: unknown): value is Locale {
  return value === 'ko' || value === 'en'
}

interface I18nContextValue {
  locale: Locale
  setLocale: (locale: Locale) => void
}

const I18nContext = createContext<I18nContextValue>({ locale: 'ko', setLocale: () => undefined })

interface I18nProviderProps {
  /** Controlled: the app passes the locale from the store's settings. Omitted: kept in state here. */
  locale?: Locale
  initialLocale?: Locale
  /** Called when the user switches language (the app persists it in the store's settings). */
  onLocaleChange?: (locale: Locale) => void
  children?: ReactNode
}

export function I18nProvider({ locale: controlled, initialLocale = 'ko', onLocaleChange, children }: I18nProviderProps) {
  const [own, setOwn] = useState<Locale>(initialLocale)
  const locale = controlled ?? own
  const setLocale = useCallback(
    (next: Locale) => {
      setOwn(next)
      onLocaleChange?.(next)
    },
    [onLocaleChange],
  )
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale])
  return createElement(I18nContext.Provider, { value }, children)
}

export function useLocale(): [Locale, (locale: Locale) => void] {
  const { locale, setLocale } = useContext(I18nContext)
  return [locale, setLocale]
}

export function useT(): TFunction {
  const { locale } = useContext(I18nContext)
  return useCallback((key: string, vars?: Vars) => translate(locale, key, vars), [locale])
}

/** Enum label in the current locale: `const label = useEnumLabel(); label('stage', 'intake')`. */
export function useEnumLabel(): <K extends EnumName>(kind: K, value: EnumValue<K>) => string {
  const { locale } = useContext(I18nContext)
  return useCallback(<K extends EnumName>(kind: K, value: EnumValue<K>) => labelOf(kind, value, locale), [locale])
}
