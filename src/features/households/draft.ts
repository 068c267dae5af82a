// The household form's draft (plain strings as typed), its checks and its conversion to createCase input.
import { containsRrn, isDateString, digitsOnly } from '../../domain'
import type { CaseLevel, ReferralSource, TargetType } from '../../domain'
import type { CreateCaseInput } from '../../store'
import type { TFunction } from '../../i18n'

export interface MemberDraft {
  key: string
  name: string
  birthDate: string
  sexDigit: string
  phone: string
  relation: string
}

export interface HouseholdDraft {
  targetType: TargetType | ''
  address: string
  addressDetail: string
  phone: string
  members: MemberDraft[]
  headKey: string
  intakeDate: string
  source: ReferralSource | ''
  sourceDetail: string
  presentingProblem: string
  level: CaseLevel
}

/** Field path → message; paths follow the store's ValidationError paths (`household.address`, `members.0.name`). */
export type FormErrors = Record<string, string>

export function emptyMember(key: string): MemberDraft {
  return { key, name: '', birthDate: '', sexDigit: '', phone: '', relation: '' }
}

export function newDraft(today: string, key: string): HouseholdDraft {
  return {
    targetType: '',
    address: '',
    addressDetail: '',
    phone: '',
    members: [emptyMember(key)],
    headKey: key,
    intakeDate: today,
    source: '',
    sourceDetail: '',
    presentingProblem: '',
    level: 'general',
  }
}

const PHONE = /^0\d{8,10}$|^1\d{7}$/

function checkPhone(value: string, path: string, errors: FormErrors, t: TFunction): void {
  if (value.trim() && !PHONE.test(digitsOnly(value))) errors[path] = t('households.err.phone')
}

function checkText(value: string, path: string, errors: FormErrors, t: TFunction): void {
  if (!errors[path] && containsRrn(value)) errors[path] = t('households.err.rrn')
}

/** Client-side checks with messages in the current language; the store validates again. */
export function checkDraft(d: HouseholdDraft, today: string, t: TFunction): FormErrors {
  const errors: FormErrors = {}
  if (!d.targetType) errors['household.targetType'] = t('households.err.targetType')
  if (!d.address.trim()) errors['household.address'] = t('households.err.address')
  checkText(d.address, 'household.address', errors, t)
  checkText(d.addressDetail, 'household.addressDetail', errors, t)
  checkPhone(d.phone, 'household.phone', errors, t)
  if (d.members.length === 0) errors.members = t('households.err.members')
  d.members.forEach((m, i) => {
    const p = `members.${i}`
    if (!m.name.trim()) errors[`${p}.name`] = t('households.err.name')
    checkText(m.name, `${p}.name`, errors, t)
    checkText(m.relation, `${p}.relation`, errors, t)
    if (m.birthDate && !isDateString(m.birthDate)) errors[`${p}.birthDate`] = t('households.err.date')
    else if (m.birthDate > today) errors[`${p}.birthDate`] = t('households.err.futureDate')
    if (digitsOnly(m.sexDigit).length > 1) errors[`${p}.sexDigit`] = t('households.err.rrn')
    else if (m.sexDigit && !/^[1-8]$/.test(m.sexDigit)) errors[`${p}.sexDigit`] = t('households.err.sexDigit')
    else if (m.sexDigit && !m.birthDate) errors[`${p}.sexDigit`] = t('households.err.sexDigitNeedsBirth')
    checkPhone(m.phone, `${p}.phone`, errors, t)
  })
  if (d.members.length > 0 && !d.members.some((m) => m.key === d.headKey)) errors.members = t('households.err.head')
  if (!d.intakeDate) errors['intake.date'] = t('households.err.intakeDate')
  else if (!isDateString(d.intakeDate)) errors['intake.date'] = t('households.err.date')
  else if (d.intakeDate > today) errors['intake.date'] = t('households.err.futureDate')
  if (!d.source) errors['intake.source'] = t('households.err.source')
  checkText(d.sourceDetail, 'intake.sourceDetail', errors, t)
  checkText(d.presentingProblem, 'intake.presentingProblem', errors, t)
  return errors
}

function opt(value: string): string | undefined {
  const v = value.trim()
  return v ? v : undefined
}

/** Only call after checkDraft found nothing (targetType and source are set). */
export function toCreateInput(d: HouseholdDraft): CreateCaseInput {
  return {
    household: {
      targetType: d.targetType as TargetType,
      address: d.address.trim(),
      addressDetail: opt(d.addressDetail),
      phone: opt(d.phone),
    },
    members: d.members.map((m) => ({
      name: m.name.trim(),
      birthDate: opt(m.birthDate),
      sexDigit: opt(m.sexDigit),
      phone: opt(m.phone),
      relation: opt(m.relation),
      isHead: m.key === d.headKey,
    })),
    intake: {
      date: d.intakeDate,
      source: d.source as ReferralSource,
      sourceDetail: opt(d.sourceDetail),
      presentingProblem: d.presentingProblem,
    },
    level: d.level,
  }
}

/** Maps the store's issue paths onto form fields; anything unplaced goes to the form-level message. */
export function errorsFromIssues(issues: readonly { path: string; message: string }[]): { fields: FormErrors; form?: string } {
  const fields: FormErrors = {}
  const rest: string[] = []
  for (const issue of issues) {
    const path = issue.path.replace(/^intake\.presentingProblem.*/, 'intake.presentingProblem')
    if (/^(household\.\w+|members\.\d+\.\w+|intake\.\w+)$/.test(path)) fields[path] ??= issue.message
    else rest.push(issue.message)
  }
  return { fields, form: rest.length ? rest.join(' ') : undefined }
}
