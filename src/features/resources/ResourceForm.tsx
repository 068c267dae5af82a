// Adds or edits one row of the team's directory (built-in rows too); the store validates and the Korean
// messages go under each field. Text fields are IME-safe and read from the form when it is submitted.
import { useState } from 'react'
import type { FormEvent } from 'react'
import { RESOURCE_KINDS, RESOURCE_SECTORS, SERVICE_DOMAINS, formatPhone } from '../../domain'
import type { Resource, ResourceKind, ResourceSector, ServiceDomain } from '../../domain'
import { addResource, updateResource } from '../../store'
import type { ResourceInput } from '../../store'
import { useEnumLabel, useT } from '../../i18n'
import { ChoiceGroup, Field, FormActions, ImeTextInput, formText, readAtSubmit, useToast } from '../common'
import { useCommand } from '../caseFile/useCommand'

const FIELDS = ['name', 'provider', 'target', 'content', 'contactName', 'contactPhone', 'domain', 'sector', 'kind'] as const
type TextKey = 'name' | 'provider' | 'target' | 'content' | 'contactName'

export function ResourceForm({ initial, onDone }: { initial?: Resource; onDone: () => void }) {
  const t = useT()
  const label = useEnumLabel()
  const toast = useToast()
  const cmd = useCommand(FIELDS, t('resources.failed'))
  const [domain, setDomain] = useState<ServiceDomain>(initial?.domain ?? 'other')
  const [sector, setSector] = useState<ResourceSector | ''>(initial?.sector ?? '')
  const [kind, setKind] = useState<ResourceKind | ''>(initial?.kind ?? '')

  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const optional = (name: string) => formText(form, name).trim() || undefined
    const input: ResourceInput = {
      name: formText(form, 'name'),
      provider: formText(form, 'provider'),
      target: formText(form, 'target'),
      content: formText(form, 'content'),
      domain,
      sector: sector || undefined,
      kind: kind || undefined,
      contactName: optional('contactName'),
      contactPhone: optional('contactPhone'),
    }
    const ok = await cmd.run(() => (initial ? updateResource(initial.id, input) : addResource(input)))
    if (!ok) return
    toast({ message: t(initial ? 'resources.saved' : 'resources.added') })
    onDone()
  }

  const text = (key: TextKey, required = false) => (
    <Field label={t(`resources.${key}`)} required={required} error={cmd.errorFor(key)}>
      {(c) => <ImeTextInput {...c} name={key} value={initial?.[key] ?? ''} onCommit={readAtSubmit} />}
    </Field>
  )
  const unset = { value: '' as const, label: t('resources.unset') }

  return (
    <form className="res-card" onSubmit={(e) => void save(e)} noValidate aria-label={initial ? t('resources.edit') : t('resources.add')}>
      <div className="ui-grid">
        {text('name', true)}
        {text('provider', true)}
        {text('target')}
        {text('content')}
        {text('contactName')}
        <Field label={t('resources.contactPhone')} hint={t('resources.contactPhoneHint')} error={cmd.errorFor('contactPhone')}>
          {(c) => (
            <ImeTextInput
              {...c}
              name="contactPhone"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              value={initial?.contactPhone ? formatPhone(initial.contactPhone) : ''}
              onCommit={readAtSubmit}
            />
          )}
        </Field>
      </div>
      <ChoiceGroup
        legend={t('resources.sector')}
        choices={[...RESOURCE_SECTORS.map((s) => ({ value: s, label: label('resourceSector', s) })), unset]}
        value={sector}
        onChange={setSector}
        error={cmd.errorFor('sector')}
      />
      <ChoiceGroup
        legend={t('resources.kind')}
        choices={[...RESOURCE_KINDS.map((k) => ({ value: k, label: label('resourceKind', k) })), unset]}
        value={kind}
        onChange={setKind}
        error={cmd.errorFor('kind')}
      />
      <ChoiceGroup
        legend={t('resources.domain')}
        choices={SERVICE_DOMAINS.map((d) => ({ value: d, label: label('serviceDomain', d) }))}
        value={domain}
        onChange={setDomain}
        error={cmd.errorFor('domain')}
      />
      <FormActions busy={cmd.busy} error={cmd.formError} onCancel={onDone} />
    </form>
  )
}
