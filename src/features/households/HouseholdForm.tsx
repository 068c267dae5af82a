// Register a household (가구) with its members and intake, then open its new case file.
import { useState } from 'react'
import type { FormEvent } from 'react'
import { CASE_LEVELS, REFERRAL_SOURCES, TARGET_TYPES, todayInSeoul } from '../../domain'
import { createCase, useDraft, ValidationError } from '../../store'
import { useEnumLabel, useT } from '../../i18n'
import { Button, ChoiceGroup, Field, FormError, ImeTextArea, ImeTextInput, Section } from '../common'
import { checkDraft, emptyMember, errorsFromIssues, newDraft, toCreateInput } from './draft'
import { PhoneInput } from './PhoneInput'
import type { FormErrors, HouseholdDraft, MemberDraft } from './draft'
import { MemberFields } from './MemberFields'
import '../../i18n/screenMessages'

const newKey = () => crypto.randomUUID()

export function HouseholdForm({ onSaved }: { onSaved: (caseId: string) => void }) {
  const t = useT()
  const label = useEnumLabel()
  const today = todayInSeoul()
  const [draft, setDraft, clearDraft, restored] = useDraft<HouseholdDraft>('household.new', newDraft(today, newKey()))
  const [errors, setErrors] = useState<FormErrors>({})
  const [formError, setFormError] = useState<string>()
  const [saving, setSaving] = useState(false)
  // Remounts the uncontrolled IME inputs after "clear the draft".
  const [generation, setGeneration] = useState(0)

  const patch = (p: Partial<HouseholdDraft>) => setDraft((d) => ({ ...d, ...p }))
  const patchMember = (key: string, p: Partial<MemberDraft>) =>
    setDraft((d) => ({ ...d, members: d.members.map((m) => (m.key === key ? { ...m, ...p } : m)) }))

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const found = checkDraft(draft, today, t)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      setFormError(t('households.err.form'))
      return
    }
    setFormError(undefined)
    setSaving(true)
    try {
      const caseId = await createCase(toCreateInput(draft))
      clearDraft()
      onSaved(caseId)
    } catch (err) {
      if (err instanceof ValidationError) {
        const mapped = errorsFromIssues(err.issues)
        setErrors(mapped.fields)
        setFormError(mapped.form ?? t('households.err.form'))
      } else {
        setFormError(t('common.error'))
      }
    } finally {
      setSaving(false)
    }
  }

  // The inputs are uncontrolled (IME-safe): show them once the sealed draft is read.
  if (!restored) {
    return (
      <div className="screen" role="status" aria-live="polite">
        {t('common.loading')}
      </div>
    )
  }

  return (
    <form className="screen household-form" onSubmit={submit} noValidate key={generation}>
      <h1 className="screen__title">{t('households.title')}</h1>
      <p className="muted">{t('households.intro')}</p>

      <Section title={t('households.section.household')}>
        <ChoiceGroup
          legend={t('households.targetType')}
          choices={TARGET_TYPES.map((v) => ({ value: v, label: label('targetType', v) }))}
          value={draft.targetType || undefined}
          onChange={(targetType) => patch({ targetType })}
          error={errors['household.targetType']}
        />
        <Field label={t('households.address')} required error={errors['household.address']}>
          {(c) => (
            <ImeTextInput {...c} value={draft.address} placeholder={t('households.addressPlaceholder')} onCommit={(address) => patch({ address })} />
          )}
        </Field>
        <div className="form-grid">
          <Field label={t('households.addressDetail')} error={errors['household.addressDetail']}>
            {(c) => <ImeTextInput {...c} value={draft.addressDetail} onCommit={(addressDetail) => patch({ addressDetail })} />}
          </Field>
          <Field label={t('households.phone')} error={errors['household.phone']}>
            {(c) => <PhoneInput control={c} value={draft.phone} onChange={(v) => patch({ phone: v })} />}
          </Field>
        </div>
        <ChoiceGroup
          legend={t('households.level')}
          choices={CASE_LEVELS.map((v) => ({ value: v, label: label('caseLevel', v) }))}
          value={draft.level}
          onChange={(level) => patch({ level })}
        />
      </Section>

      <Section
        title={t('households.section.members')}
        actions={
          <Button onClick={() => setDraft((d) => ({ ...d, members: [...d.members, emptyMember(newKey())] }))}>
            {t('households.addMember')}
          </Button>
        }
      >
        {errors.members ? (
          <p className="ui-field__error" role="alert">
            {errors.members}
          </p>
        ) : null}
        {draft.members.map((m, i) => (
          <MemberFields
            key={m.key}
            index={i}
            member={m}
            isHead={m.key === draft.headKey}
            errors={errors}
            canRemove={draft.members.length > 1}
            onChange={(p) => patchMember(m.key, p)}
            onHead={() => patch({ headKey: m.key })}
            onRemove={() =>
              setDraft((d) => {
                const members = d.members.filter((x) => x.key !== m.key)
                const headKey = d.headKey === m.key ? (members[0]?.key ?? '') : d.headKey
                return { ...d, members, headKey }
              })
            }
          />
        ))}
      </Section>

      <Section title={t('households.section.intake')}>
        <div className="form-grid">
          <Field label={t('households.intakeDate')} required error={errors['intake.date']}>
            {(c) => (
              <input {...c} className="ui-input" type="date" max={today} value={draft.intakeDate} onChange={(e) => patch({ intakeDate: e.target.value })} />
            )}
          </Field>
        </div>
        <ChoiceGroup
          legend={t('households.source')}
          choices={REFERRAL_SOURCES.map((v) => ({ value: v, label: label('referralSource', v) }))}
          value={draft.source || undefined}
          onChange={(source) => patch({ source })}
          error={errors['intake.source']}
        />
        <Field label={t('households.sourceDetail')} error={errors['intake.sourceDetail']}>
          {(c) => <ImeTextInput {...c} value={draft.sourceDetail} onCommit={(sourceDetail) => patch({ sourceDetail })} />}
        </Field>
        <Field label={t('households.presentingProblem')} error={errors['intake.presentingProblem']}>
          {(c) => <ImeTextArea {...c} value={draft.presentingProblem} onCommit={(presentingProblem) => patch({ presentingProblem })} />}
        </Field>
      </Section>

      <FormError message={formError} />
      <div className="ui-row form-actions">
        <Button type="submit" variant="primary" disabled={saving}>
          {saving ? t('common.saving') : t('households.submit')}
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            clearDraft()
            setErrors({})
            setFormError(undefined)
            setGeneration((g) => g + 1)
          }}
        >
          {t('households.discard')}
        </Button>
      </div>
    </form>
  )
}
