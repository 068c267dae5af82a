// 서비스 연계: from the resource directory (자원) or free entry; domain; the member(s) it serves (≥ 1,
// seed 003 counts persons per domain); status changes in place; every field can be edited (the same
// form) and a linkage deleted (asks once, undo from the toast).
import { useState } from 'react'
import type { FormEvent } from 'react'
import { formatDate, LINKAGE_STATUSES, todayInSeoul } from '../../../domain'
import type { CaseFile, Linkage, LinkageStatus, Member, Resource, ServiceDomain } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { addLinkage, removeLinkage, setLinkageStatus, undoRemove, updateLinkage, useResources } from '../../../store'
import {
  Badge,
  Button,
  CheckGroup,
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
import type { DeleteWithUndo } from '../../common'
import { useCommand } from '../useCommand'
import { DomainField } from './DomainField'

const FIELDS = ['domain', 'service', 'provider', 'memberIds', 'status', 'startDate', 'note'] as const

export function LinkageSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const [editing, setEditing] = useState<string | 'new' | undefined>(undefined)
  const removal = useCommand()
  const deleteWithUndo = useDeleteWithUndo(removal.run)
  const linkages = [...caseFile.linkages].sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''))
  return (
    <Section
      title={t('caseFile.linkage.title')}
      actions={editing === undefined ? <Button onClick={() => setEditing('new')}>{t('caseFile.linkage.add')}</Button> : null}
    >
      {editing === 'new' ? <LinkageForm caseFile={caseFile} onDone={() => setEditing(undefined)} /> : null}
      <FormError message={removal.formError} />
      {linkages.length === 0 ? (
        <EmptyState>{t('caseFile.linkage.empty')}</EmptyState>
      ) : (
        <ul className="ui-list">
          {linkages.map((l) =>
            editing === l.id ? (
              <li key={l.id}>
                <LinkageForm caseFile={caseFile} initial={l} onDone={() => setEditing(undefined)} />
              </li>
            ) : (
              <LinkageRow
                key={l.id}
                caseId={caseFile.meta.id}
                linkage={l}
                members={caseFile.members}
                busy={editing !== undefined}
                onEdit={() => setEditing(l.id)}
                deleteWithUndo={deleteWithUndo}
              />
            ),
          )}
        </ul>
      )}
    </Section>
  )
}

interface LinkageRowProps {
  caseId: string
  linkage: Linkage
  members: readonly Member[]
  busy: boolean
  onEdit: () => void
  deleteWithUndo: DeleteWithUndo
}

function LinkageRow({ caseId, linkage, members, busy, onEdit, deleteWithUndo }: LinkageRowProps) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand()
  const names = members.filter((m) => linkage.memberIds.includes(m.id)).map((m) => m.name)
  return (
    <li>
      <div className="ui-record">
        <div className="ui-record__body">
          <strong>{linkage.service}</strong> · {label('serviceDomain', linkage.domain)} · {linkage.provider}
          <div className="cf-meta">
            {t('caseFile.linkage.for')}: {names.join(', ')}
            {linkage.startDate ? ` · ${formatDate(linkage.startDate)}` : ''}
          </div>
          {linkage.note ? <div>{linkage.note}</div> : null}
        </div>
        <div className="ui-row">
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
        <RecordActions
          what={linkage.service}
          disabled={busy}
          onEdit={onEdit}
          onDelete={() => void deleteWithUndo(() => removeLinkage(caseId, linkage.id), undoRemove)}
        />
      </div>
      <FormError message={cmd.formError} />
    </li>
  )
}

function LinkageForm({ caseFile, initial, onDone }: { caseFile: CaseFile; initial?: Linkage; onDone: () => void }) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand(FIELDS)
  const resources: readonly Resource[] = useResources()
  const [resourceId, setResourceId] = useState(initial?.resourceId ?? '')
  const [domain, setDomain] = useState<ServiceDomain>(initial?.domain ?? 'economy')
  // Picking a resource replaces what the (uncontrolled, IME-safe) text inputs hold: they are remounted.
  const [picked, setPicked] = useState({ service: initial?.service ?? '', provider: initial?.provider ?? '', n: 0 })
  const [memberIds, setMemberIds] = useState<string[]>(initial ? [...initial.memberIds] : [])
  const [status, setStatus] = useState<LinkageStatus>(initial?.status ?? 'planned')
  const [startDate, setStartDate] = useState(initial ? (initial.startDate ?? '') : todayInSeoul())
  const pickResource = (id: string) => {
    setResourceId(id)
    const r = resources.find((x) => x.id === id)
    if (!r) return
    setDomain(r.domain)
    setPicked((p) => ({ service: r.name, provider: r.provider, n: p.n + 1 }))
  }
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const note = formText(form, 'note')
    const input = {
      domain,
      service: formText(form, 'service'),
      provider: formText(form, 'provider'),
      memberIds,
      status,
      startDate: startDate || undefined,
      resourceId: resourceId || undefined,
      note: note.trim() ? note : undefined,
    }
    const ok = await cmd.run(() => (initial ? updateLinkage(caseFile.meta.id, initial.id, input) : addLinkage(caseFile.meta.id, input)))
    if (ok) onDone()
  }
  return (
    <form className="cf-card" onSubmit={(e) => void save(e)} aria-label={initial ? t('caseFile.linkage.edit') : t('caseFile.linkage.add')}>
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
          {(c) => <ImeTextInput key={picked.n} {...c} name="service" value={picked.service} onCommit={readAtSubmit} />}
        </Field>
        <Field label={t('caseFile.provider')} error={cmd.errorFor('provider')} required>
          {(c) => <ImeTextInput key={picked.n} {...c} name="provider" value={picked.provider} onCommit={readAtSubmit} />}
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
      <Field label={t('caseFile.note')} error={cmd.errorFor('note')}>
        {(c) => <ImeTextArea {...c} rows={2} name="note" value={initial?.note ?? ''} onCommit={readAtSubmit} />}
      </Field>
      <FormActions busy={cmd.busy} error={cmd.formError} onCancel={onDone} />
    </form>
  )
}
