// The deadline intervals behind every due flag (defaults from the published district timelines).
import { useState } from 'react'
import type { FormEvent } from 'react'
import { DEFAULT_DEADLINES } from '../../domain'
import type { DeadlineSettings } from '../../domain'
import { saveSettings, useSettings, ValidationError } from '../../store'
import { useT } from '../../i18n'
import { Button, Field, FormError, Section, useToast } from '../common'

const KEYS = Object.keys(DEFAULT_DEADLINES) as (keyof DeadlineSettings)[]

type Inputs = Record<keyof DeadlineSettings, string>

function toInputs(d: DeadlineSettings): Inputs {
  return Object.fromEntries(KEYS.map((k) => [k, String(d[k])])) as Inputs
}

export function DeadlineSection() {
  const settings = useSettings()
  // Remount the form when the stored deadlines change (another tab, or after saving).
  const stored = settings.deadlines
  return <DeadlineForm key={JSON.stringify(stored)} stored={stored} />
}

function DeadlineForm({ stored }: { stored: DeadlineSettings }) {
  const t = useT()
  const toast = useToast()
  const [inputs, setInputs] = useState<Inputs>(() => toInputs(stored))
  const [errors, setErrors] = useState<Partial<Record<keyof DeadlineSettings, string>>>({})
  const [formError, setFormError] = useState<string>()

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const found: Partial<Record<keyof DeadlineSettings, string>> = {}
    for (const k of KEYS) if (!/^[1-9]\d*$/.test(inputs[k].trim())) found[k] = t('settings.err.days')
    setErrors(found)
    if (Object.keys(found).length) return
    try {
      const deadlines = Object.fromEntries(KEYS.map((k) => [k, Number(inputs[k])])) as DeadlineSettings
      await saveSettings({ deadlines })
      setFormError(undefined)
      toast({ message: t('settings.deadlinesSaved') })
    } catch (err) {
      setFormError(err instanceof ValidationError ? err.issues.map((i) => i.message).join(' ') : t('common.error'))
    }
  }

  return (
    <Section title={t('settings.deadlines')}>
      <p className="muted">{t('settings.deadlinesHint')}</p>
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          {KEYS.map((k) => (
            <Field key={k} label={t(`settings.deadline.${k}`)} error={errors[k]}>
              {(c) => (
                <input
                  {...c}
                  className="ui-input"
                  inputMode="numeric"
                  value={inputs[k]}
                  onChange={(e) => setInputs((all) => ({ ...all, [k]: e.target.value }))}
                />
              )}
            </Field>
          ))}
        </div>
        <FormError message={formError} />
        <div className="ui-row">
          <Button type="submit" variant="primary">
            {t('common.save')}
          </Button>
          <Button variant="ghost" onClick={() => setInputs(toInputs(DEFAULT_DEADLINES))}>
            {t('settings.deadlinesReset')}
          </Button>
        </div>
      </form>
    </Section>
  )
}
