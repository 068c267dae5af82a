// 서비스제공계획: long/short-term goals (Y.Text, saved as typed) and planned services.
import { useState } from 'react'
import { formatDate, todayInSeoul } from '../../../domain'
import type { CaseFile, ServiceDomain } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { addPlannedService, setText } from '../../../store'
import { Button, EmptyState, Field, FormError, ImeTextArea, Section, FormActions } from '../../common'
import { useCommand } from '../useCommand'
import { DomainField } from './DomainField'

const FIELDS = ['domain', 'name', 'provider', 'frequency', 'startDate', 'endDate'] as const

export function PlanSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand()
  const [adding, setAdding] = useState(false)
  const caseId = caseFile.meta.id
  const plan = caseFile.plan
  if (caseFile.selection?.kind !== 'caseManagement') {
    return (
      <Section title={t('caseFile.plan.title')}>
        <EmptyState>{t('caseFile.plan.needsSelection')}</EmptyState>
      </Section>
    )
  }
  const services = [...(plan?.services ?? [])].sort((a, b) => a.startDate.localeCompare(b.startDate))
  return (
    <Section title={t('caseFile.plan.title')}>
      <Field label={t('caseFile.plan.longTerm')} hint={t('caseFile.savedAsTyped')}>
        {(c) => (
          <ImeTextArea {...c} rows={3} value={plan?.longTermGoals ?? ''} onCommit={(v) => void cmd.run(() => setText(caseId, ['plan', 'longTermGoals'], v))} />
        )}
      </Field>
      <Field label={t('caseFile.plan.shortTerm')} hint={t('caseFile.savedAsTyped')}>
        {(c) => (
          <ImeTextArea {...c} rows={3} value={plan?.shortTermGoals ?? ''} onCommit={(v) => void cmd.run(() => setText(caseId, ['plan', 'shortTermGoals'], v))} />
        )}
      </Field>
      <FormError message={cmd.formError} />
      <div className="ui-section__head">
        <h3>{t('caseFile.plan.services')}</h3>
        {adding ? null : <Button onClick={() => setAdding(true)}>{t('caseFile.plan.addService')}</Button>}
      </div>
      {adding ? <PlannedServiceForm caseId={caseId} onDone={() => setAdding(false)} /> : null}
      {services.length === 0 ? (
        <EmptyState>{t('caseFile.plan.noServices')}</EmptyState>
      ) : (
        <ul className="ui-list">
          {services.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong> · {label('serviceDomain', s.domain)} · {s.provider}
              <div className="cf-meta">
                {s.frequency ? `${s.frequency} · ` : ''}
                {formatDate(s.startDate)} ~ {s.endDate ? formatDate(s.endDate) : ''}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}

function PlannedServiceForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useT()
  const cmd = useCommand(FIELDS)
  const [domain, setDomain] = useState<ServiceDomain>('economy')
  const [name, setName] = useState('')
  const [provider, setProvider] = useState('')
  const [frequency, setFrequency] = useState('')
  const [startDate, setStartDate] = useState(todayInSeoul())
  const [endDate, setEndDate] = useState('')
  const save = async () => {
    const ok = await cmd.run(() =>
      addPlannedService(caseId, { domain, name, provider, frequency, startDate, endDate: endDate || undefined }),
    )
    if (ok) onDone()
  }
  return (
    <form
      className="cf-card"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <div className="ui-grid">
        <DomainField value={domain} onChange={setDomain} error={cmd.errorFor('domain')} />
        <Field label={t('caseFile.serviceName')} error={cmd.errorFor('name')} required>
          {(c) => <input className="ui-input" {...c} value={name} onChange={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field label={t('caseFile.provider')} error={cmd.errorFor('provider')} required>
          {(c) => <input className="ui-input" {...c} value={provider} onChange={(e) => setProvider(e.currentTarget.value)} />}
        </Field>
        <Field label={t('caseFile.plan.frequency')} error={cmd.errorFor('frequency')} hint={t('caseFile.plan.frequencyHint')}>
          {(c) => <input className="ui-input" {...c} value={frequency} onChange={(e) => setFrequency(e.currentTarget.value)} />}
        </Field>
        <Field label={t('caseFile.plan.startDate')} error={cmd.errorFor('startDate')}>
          {(c) => <input className="ui-input" type="date" {...c} value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} />}
        </Field>
        <Field label={t('caseFile.plan.endDate')} error={cmd.errorFor('endDate')}>
          {(c) => <input className="ui-input" type="date" {...c} value={endDate} onChange={(e) => setEndDate(e.currentTarget.value)} />}
        </Field>
      </div>
      <FormActions busy={cmd.busy} error={cmd.formError} onCancel={onDone} />
    </form>
  )
}
