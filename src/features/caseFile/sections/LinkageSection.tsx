// 서비스 연계: from the resource directory (자원) or free entry; domain; the member(s) it serves (≥ 1,
// seed 003 counts persons per domain); status changes in place.
import { useState } from 'react'
import { formatDate, LINKAGE_STATUSES, todayInSeoul } from '../../../domain'
import type { CaseFile, Linkage, LinkageStatus, Member, Resource, ServiceDomain } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { addLinkage, setLinkageStatus, useResources } from '../../../store'
import { Badge, Button, CheckGroup, EmptyState, Field, FormError, Section, FormActions } from '../../common'
import { useCommand } from '../useCommand'
import { DomainField } from './DomainField'

const FIELDS = ['domain', 'service', 'provider', 'memberIds', 'status', 'startDate', 'note'] as const

export function LinkageSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const [adding, setAdding] = useState(false)
  const linkages = [...caseFile.linkages].sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''))
  return (
    <Section title={t('caseFile.linkage.title')} actions={adding ? null : <Button onClick={() => setAdding(true)}>{t('caseFile.linkage.add')}</Button>}>
      {adding ? <LinkageForm caseFile={caseFile} onDone={() => setAdding(false)} /> : null}
      {linkages.length === 0 ? (
        <EmptyState>{t('caseFile.linkage.empty')}</EmptyState>
      ) : (
        <ul className="ui-list">
          {linkages.map((l) => (
            <LinkageRow key={l.id} caseId={caseFile.meta.id} linkage={l} members={caseFile.members} />
          ))}
        </ul>
      )}
    </Section>
  )
}

function LinkageRow({ caseId, linkage, members }: { caseId: string; linkage: Linkage; members: readonly Member[] }) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand()
  const names = members.filter((m) => linkage.memberIds.includes(m.id)).map((m) => m.name)
  return (
    <li>
      <div className="ui-row">
        <span style={{ flex: '1 1 240px' }}>
          <strong>{linkage.service}</strong> · {label('serviceDomain', linkage.domain)} · {linkage.provider}
          <div className="cf-meta">
            {t('caseFile.linkage.for')}: {names.join(', ')}
            {linkage.startDate ? ` · ${formatDate(linkage.startDate)}` : ''}
          </div>
        </span>
        <Badge tone={linkage.status === 'cancelled' ? 'warn' : linkage.status === 'completed' ? 'ok' : 'info'}>{label('linkageStatus', linkage.status)}</Badge>
        <select
          className="ui-input"
          style={{ width: 'auto' }}
          aria-label={t('caseFile.linkage.changeStatus', { service: linkage.service })}
          value={linkage.status}
          onChange={(e) => void cmd.run(() => setLinkageStatus(caseId, linkage.id, e.currentTarget.value as LinkageStatus))}
        >
          {LINKAGE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {label('linkageStatus', s)}
            </option>
          ))}
        </select>
      </div>
      <FormError message={cmd.formError} />
    </li>
  )
}

function LinkageForm({ caseFile, onDone }: { caseFile: CaseFile; onDone: () => void }) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand(FIELDS)
  const resources: readonly Resource[] = useResources()
  const [resourceId, setResourceId] = useState('')
  const [domain, setDomain] = useState<ServiceDomain>('economy')
  const [service, setService] = useState('')
  const [provider, setProvider] = useState('')
  const [memberIds, setMemberIds] = useState<string[]>([])
  const [status, setStatus] = useState<LinkageStatus>('planned')
  const [startDate, setStartDate] = useState(todayInSeoul())
  const pickResource = (id: string) => {
    setResourceId(id)
    const r = resources.find((x) => x.id === id)
    if (!r) return
    setDomain(r.domain)
    setService(r.name)
    setProvider(r.provider)
  }
  const save = async () => {
    const ok = await cmd.run(() =>
      addLinkage(caseFile.meta.id, {
        domain,
        service,
        provider,
        memberIds,
        status,
        startDate: startDate || undefined,
        resourceId: resourceId || undefined,
      }),
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
      <Field label={t('caseFile.linkage.resource')} hint={t('caseFile.linkage.resourceHint')}>
        {(c) => (
          <select className="ui-input" {...c} value={resourceId} onChange={(e) => pickResource(e.currentTarget.value)}>
            <option value="">{t('caseFile.linkage.freeEntry')}</option>
            {resources.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} · {r.provider}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="ui-grid">
        <DomainField value={domain} onChange={setDomain} error={cmd.errorFor('domain')} />
        <Field label={t('caseFile.serviceName')} error={cmd.errorFor('service')} required>
          {(c) => <input className="ui-input" {...c} value={service} onChange={(e) => setService(e.currentTarget.value)} />}
        </Field>
        <Field label={t('caseFile.provider')} error={cmd.errorFor('provider')} required>
          {(c) => <input className="ui-input" {...c} value={provider} onChange={(e) => setProvider(e.currentTarget.value)} />}
        </Field>
        <Field label={t('caseFile.linkage.startDate')} error={cmd.errorFor('startDate')}>
          {(c) => <input className="ui-input" type="date" {...c} value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} />}
        </Field>
        <Field label={t('caseFile.linkage.status')} error={cmd.errorFor('status')}>
          {(c) => (
            <select className="ui-input" {...c} value={status} onChange={(e) => setStatus(e.currentTarget.value as LinkageStatus)}>
              {LINKAGE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {label('linkageStatus', s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <CheckGroup
        legend={t('caseFile.linkage.members')}
        options={caseFile.members.map((m) => ({ value: m.id, label: m.name }))}
        selected={memberIds}
        onChange={setMemberIds}
        error={cmd.errorFor('memberIds')}
      />
      <FormActions busy={cmd.busy} error={cmd.formError} onCancel={onDone} />
    </form>
  )
}
