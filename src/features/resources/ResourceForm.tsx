// Add a resource to the directory; the store validates (Korean messages under each field).
import { useState } from 'react'
import type { FormEvent } from 'react'
import { SERVICE_DOMAINS } from '../../domain'
import type { ServiceDomain } from '../../domain'
import { addResource, ValidationError } from '../../store'
import { useEnumLabel, useT } from '../../i18n'
import { Button, ChoiceGroup, Field, FormError, ImeTextInput, Section, useToast } from '../common'

interface Draft {
  name: string
  target: string
  content: string
  provider: string
  domain: ServiceDomain
}
const EMPTY: Draft = { name: '', target: '', content: '', provider: '', domain: 'other' }

export function ResourceForm() {
  const t = useT()
  const label = useEnumLabel()
  const toast = useToast()
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string>()
  const [generation, setGeneration] = useState(0)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    try {
      await addResource(draft)
      setErrors({})
      setFormError(undefined)
      setDraft(EMPTY)
      setGeneration((g) => g + 1)
      toast({ message: t('resources.added') })
    } catch (err) {
      if (!(err instanceof ValidationError)) {
        setFormError(t('common.error'))
        return
      }
      const fields: Record<string, string> = {}
      for (const i of err.issues) fields[i.path] ??= i.message
      setErrors(fields)
      setFormError(Object.keys(fields).some((k) => k in EMPTY) ? undefined : err.message)
    }
  }

  const text = (key: keyof Omit<Draft, 'domain'>, required = false) => (
    <Field label={t(`resources.${key}`)} required={required} error={errors[key]}>
      {(c) => <ImeTextInput {...c} value={draft[key]} onCommit={(v) => setDraft((d) => ({ ...d, [key]: v }))} />}
    </Field>
  )

  return (
    <Section title={t('resources.add')}>
      <form onSubmit={submit} noValidate key={generation}>
        <div className="form-grid">
          {text('name', true)}
          {text('provider', true)}
          {text('target')}
          {text('content')}
        </div>
        <ChoiceGroup
          legend={t('resources.domain')}
          choices={SERVICE_DOMAINS.map((d) => ({ value: d, label: label('serviceDomain', d) }))}
          value={draft.domain}
          onChange={(domain) => setDraft((d) => ({ ...d, domain }))}
          error={errors.domain}
        />
        <FormError message={formError} />
        <Button type="submit" variant="primary">
          {t('resources.add')}
        </Button>
      </form>
    </Section>
  )
}
