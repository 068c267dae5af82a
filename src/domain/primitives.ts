// Field schemas shared by every record: ids, dates, instants, phones and free text that refuses
// a full 주민등록번호 (the design forbids storing one anywhere).
import * as z from 'zod/mini'
import { ko } from 'zod/v4/locales'
import { isDateString } from './dates'

// zod/mini sets no locale ("Invalid input"); zod's generic messages are Korean like the rest of the
// app, also where no error map is passed (migrateCaseFile's reason).
if (!z.config().localeError) z.config(ko())

export const IdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, '올바른 식별자가 아닙니다.'))

/** Case ids end up in document names `case/<uuid>`, so they must be lowercase UUIDs. */
export const CaseIdSchema = z
  .string()
  .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, '사례 식별자는 UUID여야 합니다.'))

export const DATE_MESSAGE = '날짜는 YYYY-MM-DD 형식의 실제 날짜여야 합니다.'

export const DateStringSchema = z.string().check(z.refine(isDateString, DATE_MESSAGE))

export const InstantSchema = z.iso.datetime({ offset: true, error: '시각은 ISO 8601 형식이어야 합니다.' })

/** Some records (selection) may carry a day or an exact time; rules compare them by Seoul day. */
export const DateOrInstantSchema = z.union([DateStringSchema, InstantSchema], {
  error: '날짜(YYYY-MM-DD) 또는 ISO 시각이어야 합니다.',
})

// YYMMDD, optional hyphen/space, sex digit 1–8, six more digits, not inside a longer digit run.
const RRN_RE = /(?<!\d)(\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*[-‐–]?\s*[1-8]\d{6}(?!\d)/u

/** True when the text holds something shaped like a full 주민등록번호. */
export function containsRrn(text: string): boolean {
  return RRN_RE.test(text)
}

/** Every full 주민등록번호 in the text cut to birth date and sex digit: '900101-1234568' → '900101-1******'. */
export function maskFullRrns(text: string): string {
  return text.replace(new RegExp(RRN_RE.source, 'gu'), (m) => `${m.slice(0, -6)}******`)
}

export const RRN_MESSAGE = '주민등록번호 전체는 저장할 수 없습니다. 생년월일과 성별 숫자만 입력하세요.'

/** Free text up to `max` characters that never holds a full 주민등록번호. */
export function safeText(max: number) {
  return z.string().check(
    z.maxLength(max, `${max}자 이하로 입력하세요.`),
    z.refine((t) => !containsRrn(t), RRN_MESSAGE),
  )
}

/** Like safeText but must contain something other than spaces. */
export function requiredText(max: number, message = '내용을 입력하세요.') {
  return safeText(max).check(z.refine((t) => t.trim().length > 0, message))
}

export function digitsOnly(value: string): string {
  return value.replace(/\D/g, '')
}

/** Phones are stored as digits only ('01012345678'); formatPhone() shows them. */
export const PhoneSchema = z.pipe(
  z.pipe(z.string(), z.transform(digitsOnly)),
  z.string().check(z.regex(/^0\d{8,10}$|^1\d{7}$/, '전화번호 형식이 올바르지 않습니다.')),
)
