// 서비스제공계획: long/short-term goals (Y.Text, saved as typed) and planned services, each of which can
// be edited in place and deleted (asks once, undo from the toast).
import { useState } from 'react'
import type { FormEvent } from 'react'
import { formatDate, rankedNeeds, todayInSeoul } from '../../../domain'
import type { CaseFile, PlannedService, ServiceDomain } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { addPlannedService, removePlannedService, setText, undoRemove, updatePlannedService } from '../../../store'
import {
  Button,
  EmptyState,
  Field,
  FormActions,
  FormError,
  ImeTextArea,
  ImeTextInput,
  RecordActions,
  Section,
  formText,
  readAtSubmit,
  useDeleteWithUndo,
} from '../../common'
import { useCommand } from '../useCommand'
import { DomainField } from './DomainField'

const FIELDS = ['domain', 'name', 'provider', 'frequency', 'startDate', 'endDate'] as const

export function PlanSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand()
  const removal = useCommand()
  const deleteWithUndo = useDeleteWithUndo(removal.run)
  const [editing, setEditing] = useState<string | 'new' | undefined>(undefined)
  const [newDomain, setNewDomain] = useState<ServiceDomain | undefined>(undefined)
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
      <RankedNeeds
        caseFile={caseFile}
        disabled={editing !== undefined}
        onPlan={(domain) => {
          setNewDomain(domain)
          setEditing('new')
        }}
      />
      <div className="ui-section__head">
        <h3>{t('caseFile.plan.services')}</h3>
        {editing === undefined ? (
          <Button
            onClick={() => {
              setNewDomain(undefined)
              setEditing('new')
            }}
          >
            {t('caseFile.plan.addService')}
          </Button>
        ) : null}
      </div>
      {editing === 'new' ? <PlannedServiceForm caseId={caseId} domain={newDomain} onDone={() => setEditing(undefined)} /> : null}
      <FormError message={removal.formError} />
      {services.length === 0 ? (
        <EmptyState>{t('caseFile.plan.noServices')}</EmptyState>
      ) : (
        <ul className="ui-list">
          {services.map((s) =>
            editing === s.id ? (
              <li key={s.id}>
                <PlannedServiceForm caseId={caseId} initial={s} onDone={() => setEditing(undefined)} />
              </li>
            ) : (
              <li key={s.id} className="ui-record">
                <div className="ui-record__body">
                  <strong>{s.name}</strong> · {label('serviceDomain', s.domain)} · {s.provider}
                  <div className="cf-meta">
                    {s.frequency ? `${s.frequency} · ` : ''}
                    {formatDate(s.startDate)} ~ {s.endDate ? formatDate(s.endDate) : ''}
                  </div>
                </div>
                <RecordActions
                  what={s.name}
                  disabled={editing !== undefined}
                  onEdit={() => setEditing(s.id)}
                  onDelete={() => void deleteWithUndo(() => removePlannedService(caseId, s.id), undoRemove)}
                />
              </li>
            ),
          )}
        </ul>
      )}
    </Section>
  )
}

/**
 * The plan's suggestions: the latest 욕구조사's needs in priority order (시급성, then 중요도: rankedNeeds),
 * each marked when a planned service already covers its domain, else with a button to plan one.
 */
function RankedNeeds({ caseFile, disabled, onPlan }: { caseFile: CaseFile; disabled: boolean; onPlan: (d: ServiceDomain) => void }) {
  const t = useT()
  const label = useEnumLabel()
  const ranked = rankedNeeds(caseFile.assessment)
  if (ranked.length === 0) return null
  const planned = new Set((caseFile.plan?.services ?? []).map((s) => s.domain))
  const date = caseFile.assessment.date
  return (
    <div className="cf-ranked">
      <h3>{date ? t('caseFile.plan.rankedOn', { date: formatDate(date) }) : t('caseFile.plan.ranked')}</h3>
      <ol className="ui-list" aria-label={t('caseFile.plan.ranked')}>
        {ranked.map(({ domain, need }) => (
          <li key={domain} className="ui-record">
            <div className="ui-record__body">
              <strong>{label('serviceDomain', domain)}</strong>{' '}
              <span className="cf-meta">{t('caseFile.plan.scores', { urgency: need.urgency, importance: need.importance })}</span>
            </div>
            {planned.has(domain) ? (
              <span className="cf-meta">{t('caseFile.plan.covered')}</span>
            ) : (
              <Button disabled={disabled} onClick={() => onPlan(domain)} aria-label={t('caseFile.plan.planFor', { domain: label('serviceDomain', domain) })}>
                {t('caseFile.plan.addService')}
              </Button>
            )}
          </li>
        ))}
      </ol>
    </div>
  )
}

function PlannedServiceForm({ caseId, initial, domain: suggested, onDone }: {
  caseId: string
  initial?: PlannedService
  /** A new service for this need (from the ranked needs). */
  domain?: ServiceDomain
  onDone: () => void
}) {
  const t = useT()
  const cmd = useCommand(FIELDS)
  const [domain, setDomain] = useState<ServiceDomain>(initial?.domain ?? suggested ?? 'economy')
  const [startDate, setStartDate] = useState(initial?.startDate ?? todayInSeoul())
  const [endDate, setEndDate] = useState(initial?.endDate ?? '')
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const input = {
      domain,
      name: formText(form, 'name'),
      provider: formText(form, 'provider'),
      frequency: formText(form, 'frequency'),
      startDate,
      endDate: endDate || undefined,
    }
    const ok = await cmd.run(() => (initial ? updatePlannedService(caseId, initial.id, input) : addPlannedService(caseId, input)))
    if (ok) onDone()
  }
  return (
    <form className="cf-card" onSubmit={(e) => void save(e)} aria-label={initial ? t('caseFile.plan.editService') : t('caseFile.plan.addService')}>
      <div className="ui-grid">
        <DomainField value={domain} onChange={setDomain} error={cmd.errorFor('domain')} />
        <Field label={t('caseFile.serviceName')} error={cmd.errorFor('name')} required>
          {(c) => <ImeTextInput {...c} name="name" value={initial?.name ?? ''} onCommit={readAtSubmit} />}
        </Field>
        <Field label={t('caseFile.provider')} error={cmd.errorFor('provider')} required>
          {(c) => <ImeTextInput {...c} name="provider" value={initial?.provider ?? ''} onCommit={readAtSubmit} />}
        </Field>
        <Field label={t('caseFile.plan.frequency')} error={cmd.errorFor('frequency')} hint={t('caseFile.plan.frequencyHint')}>
          {(c) => <ImeTextInput {...c} name="frequency" value={initial?.frequency ?? ''} onCommit={readAtSubmit} />}
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
