// 자원 목록: the team's shared directory (seed 003's visiting services built in, then the team's own),
// filterable by 공공/민간, 인적/물적 and 영역. Every row can be edited and deleted (asks once, undo from
// the toast), built-in ones too; 협력회의 with the providers are recorded below.
import { useState } from 'react'
import { RESOURCE_KINDS, RESOURCE_SECTORS, SERVICE_DOMAINS, formatPhone } from '../../domain'
import type { Resource, ResourceKind, ResourceSector, ServiceDomain } from '../../domain'
import { deleteResource, restoreResource, useResources } from '../../store'
import { useEnumLabel, useT } from '../../i18n'
import type { EnumName, EnumValue } from '../../domain'
import { Badge, Button, EmptyState, FormError, RecordActions, Section, useDeleteWithUndo } from '../common'
import { useCommand } from '../caseFile/useCommand'
import { MeetingsSection } from './MeetingsSection'
import { ResourceForm } from './ResourceForm'
import '../../i18n/screenMessages'
import './resources.css'

function Chips<K extends EnumName>({
  kind, values, value, onChange, label,
}: {
  kind: K
  values: readonly EnumValue<K>[]
  value: EnumValue<K> | undefined
  onChange: (v: EnumValue<K> | undefined) => void
  label: string
}) {
  const t = useT()
  const enumLabel = useEnumLabel()
  return (
    <div className="chips" role="group" aria-label={label}>
      <button type="button" className="chip" aria-pressed={value === undefined} onClick={() => onChange(undefined)}>
        {t('common.all')}
      </button>
      {values.map((v) => (
        <button key={v} type="button" className="chip" aria-pressed={value === v} onClick={() => onChange(value === v ? undefined : v)}>
          {enumLabel(kind, v)}
        </button>
      ))}
    </div>
  )
}

export function ResourcesScreen() {
  const t = useT()
  const resources = useResources()
  const [sector, setSector] = useState<ResourceSector>()
  const [kind, setKind] = useState<ResourceKind>()
  const [domain, setDomain] = useState<ServiceDomain>()
  const [editing, setEditing] = useState<string | 'new' | undefined>(undefined)
  const removal = useCommand([], t('resources.failed'))
  const deleteWithUndo = useDeleteWithUndo(removal.run)
  const shown = resources.filter(
    (r) => (sector === undefined || r.sector === sector) && (kind === undefined || r.kind === kind) && (domain === undefined || r.domain === domain),
  )
  const filtered = sector !== undefined || kind !== undefined || domain !== undefined

  return (
    <div className="screen resources">
      <h1 className="screen__title">{t('resources.title')}</h1>
      <p className="muted">{t('resources.intro')}</p>
      <Section
        title={`${t('resources.title')} · ${t('resources.count', { count: shown.length })}`}
        actions={editing === undefined ? <Button onClick={() => setEditing('new')}>{t('resources.add')}</Button> : null}
      >
        <Chips kind="resourceSector" values={RESOURCE_SECTORS} value={sector} onChange={setSector} label={t('resources.filterSector')} />
        <Chips kind="resourceKind" values={RESOURCE_KINDS} value={kind} onChange={setKind} label={t('resources.filterKind')} />
        <Chips kind="serviceDomain" values={SERVICE_DOMAINS} value={domain} onChange={setDomain} label={t('resources.filter')} />
        {editing === 'new' ? <ResourceForm onDone={() => setEditing(undefined)} /> : null}
        <FormError message={removal.formError} />
        {shown.length === 0 ? (
          <EmptyState>{filtered && resources.length ? t('resources.emptyFiltered') : t('resources.empty')}</EmptyState>
        ) : (
          <ul className="card-list" data-testid="resource-list">
            {shown.map((r) =>
              editing === r.id ? (
                <li key={r.id} className="card">
                  <ResourceForm initial={r} onDone={() => setEditing(undefined)} />
                </li>
              ) : (
                <ResourceCard
                  key={r.id}
                  resource={r}
                  disabled={editing !== undefined}
                  onEdit={() => setEditing(r.id)}
                  onDelete={() => void deleteWithUndo(() => deleteResource(r.id), restoreResource)}
                />
              ),
            )}
          </ul>
        )}
      </Section>
      <MeetingsSection resources={resources} />
    </div>
  )
}

function ResourceCard({ resource: r, disabled, onEdit, onDelete }: { resource: Resource; disabled: boolean; onEdit: () => void; onDelete: () => void }) {
  const t = useT()
  const label = useEnumLabel()
  const contact = r.contactName ?? ''
  return (
    <li className="card">
      <div className="card__head">
        <strong>{r.name}</strong>
        <span className="ui-row">
          {r.sector ? <Badge>{label('resourceSector', r.sector)}</Badge> : null}
          {r.kind ? <Badge>{label('resourceKind', r.kind)}</Badge> : null}
          <Badge tone="info">{label('serviceDomain', r.domain)}</Badge>
          {r.builtIn ? <Badge>{t('resources.builtIn')}</Badge> : null}
        </span>
      </div>
      <dl className="card__facts">
        <dt>{t('resources.provider')}</dt>
        <dd>{r.provider}</dd>
        {r.target ? (
          <>
            <dt>{t('resources.target')}</dt>
            <dd>{r.target}</dd>
          </>
        ) : null}
        {r.content ? (
          <>
            <dt>{t('resources.content')}</dt>
            <dd>{r.content}</dd>
          </>
        ) : null}
        {contact || r.contactPhone ? (
          <>
            <dt>{t('resources.contact')}</dt>
            <dd>
              {contact}
              {contact && r.contactPhone ? ' · ' : null}
              {r.contactPhone ? (
                <a className="res-tel" href={`tel:${r.contactPhone}`} aria-label={t('resources.call', { phone: formatPhone(r.contactPhone) })}>
                  {formatPhone(r.contactPhone)}
                </a>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      <RecordActions what={r.name} disabled={disabled} onEdit={onEdit} onDelete={onDelete} />
    </li>
  )
}
