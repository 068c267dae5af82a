// 대상자 구분·선정: 사례관리가구 / 서비스연계가구 / 사업대상제외가구; 제외 needs a reason (the schema says so).
import { useState } from 'react'
import { formatDate, SELECTION_KINDS, todayInSeoul } from '../../../domain'
import type { CaseFile, Selection, SelectionKind } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { setSelection } from '../../../store'
import { Badge, Button, ChoiceGroup, Field, Section, FormActions } from '../../common'
import { useCommand } from '../useCommand'

const FIELDS = ['kind', 'decidedAt', 'reason'] as const

export function SelectionSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const current = caseFile.selection
  const [editing, setEditing] = useState(false)
  return (
    <Section
      title={t('caseFile.selection.title')}
      actions={editing ? null : <Button onClick={() => setEditing(true)}>{current ? t('caseFile.edit') : t('caseFile.selection.decide')}</Button>}
    >
      {editing ? (
        <SelectionForm caseId={caseFile.meta.id} current={current} onDone={() => setEditing(false)} />
      ) : current ? (
        <p>
          <Badge tone={current.kind === 'excluded' ? 'warn' : 'info'}>{label('selectionKind', current.kind)}</Badge>{' '}
          <span className="cf-meta">{formatDate(current.decidedAt)}</span>
          {current.reason ? ` · ${current.reason}` : ''}
        </p>
      ) : (
        <p className="ui-empty">{t('caseFile.selection.empty')}</p>
      )}
    </Section>
  )
}

function SelectionForm({ caseId, current, onDone }: { caseId: string; current: Selection | undefined; onDone: () => void }) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand(FIELDS)
  const [kind, setKind] = useState<SelectionKind | undefined>(current?.kind)
  const [decidedAt, setDecidedAt] = useState(current ? current.decidedAt.slice(0, 10) : todayInSeoul())
  const [reason, setReason] = useState(current?.reason ?? '')
  const [kindError, setKindError] = useState<string | undefined>(undefined)
  const save = async () => {
    if (!kind) {
      setKindError(t('caseFile.selection.kindRequired'))
      return
    }
    setKindError(undefined)
    const next: Selection = { kind, decidedAt }
    if (reason.trim()) next.reason = reason
    if (await cmd.run(() => setSelection(caseId, next))) onDone()
  }
  return (
    <form
      className="cf-card"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <ChoiceGroup
        legend={t('caseFile.selection.kind')}
        choices={SELECTION_KINDS.map((k) => ({ value: k, label: label('selectionKind', k) }))}
        value={kind}
        onChange={setKind}
        error={kindError ?? cmd.errorFor('kind')}
      />
      <Field label={t('caseFile.selection.decidedAt')} error={cmd.errorFor('decidedAt')}>
        {(c) => <input className="ui-input" type="date" {...c} value={decidedAt} onChange={(e) => setDecidedAt(e.currentTarget.value)} />}
      </Field>
      <Field label={t('caseFile.selection.reason')} error={cmd.errorFor('reason')} required={kind === 'excluded'}>
        {(c) => <textarea className="ui-input" rows={3} {...c} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <FormActions busy={cmd.busy} error={cmd.formError} onCancel={onDone} />
    </form>
  )
}
