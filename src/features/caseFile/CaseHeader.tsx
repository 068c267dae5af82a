// Who the case is about at a glance: head of household, masked identifiers, stage, level and what is due.
import { useState } from 'react'
import { CASE_LEVELS, computeDue, DUE_FILTERS, formatDate, formatPhone, headOf, maskRrn, todayInSeoul } from '../../domain'
import type { CaseFile, CaseLevel } from '../../domain'
import { useEnumLabel, useT } from '../../i18n'
import { useAccess } from '../../security/access'
import { currentToken } from '../../security/session'
import { changeLevel, useSettings } from '../../store'
import { caseDocName } from '../../store/caseDoc'
import { deleteCaseOnRelay } from '../../sync/caseDeletion'
import { navigate } from '../shell/router'
import { Badge, Button, ChoiceGroup } from '../common'
import { ReasonForm } from './ReasonForm'

export function CaseHeader({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const head = headOf(caseFile.members)
  // The team's saved deadlines (설정), as the list's due flags use them.
  const { deadlines } = useSettings()
  const due = computeDue(caseFile, todayInSeoul(), deadlines)
  const phone = head?.phone ?? caseFile.household.phone
  const [changingLevel, setChangingLevel] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const access = useAccess()
  const supervisor = access.status === 'unlocked' && access.account.role === 'supervisor'
  return (
    <header className="cf-header">
      <h1>{head?.name ?? t('caseFile.unnamed')}</h1>
      <div className="ui-row">
        <Badge tone="info">{label('stage', caseFile.meta.stage)}</Badge>
        <Badge tone={caseFile.meta.level === 'intensive' ? 'warn' : 'neutral'}>{label('caseLevel', caseFile.meta.level)}</Badge>
        {changingLevel ? null : (
          <Button variant="ghost" onClick={() => setChangingLevel(true)}>
            {t('caseFile.level.change')}
          </Button>
        )}
        {caseFile.selection ? <Badge>{label('selectionKind', caseFile.selection.kind)}</Badge> : null}
        {DUE_FILTERS.filter((f) => due[f]).map((f) => (
          <Badge key={f} tone="danger">
            {t(`cases.due.${f}`)}
          </Badge>
        ))}
      </div>
      {changingLevel ? <LevelForm caseFile={caseFile} onDone={() => setChangingLevel(false)} /> : null}
      {supervisor && !deleting ? (
        <Button variant="ghost" onClick={() => setDeleting(true)}>
          {t('caseFile.delete.action')}
        </Button>
      ) : null}
      {deleting ? (
        <ReasonForm
          title={t('caseFile.delete.title')}
          onSubmit={(reason) => deleteCaseOnRelay(currentToken(), caseDocName(caseFile.meta.id), reason)}
          onDone={() => setDeleting(false)}
          onSaved={() => navigate({ name: 'cases' })}
        >
          <p className="muted">{t('caseFile.delete.explain')}</p>
        </ReasonForm>
      ) : null}
      <dl>
        {head?.birthDate ? (
          <>
            <dt>{t('caseFile.rrn')}</dt>
            <dd>{maskRrn(head.birthDate, head.sexDigit)}</dd>
          </>
        ) : null}
        {phone ? (
          <>
            <dt>{t('caseFile.phone')}</dt>
            <dd>{formatPhone(phone)}</dd>
          </>
        ) : null}
        <dt>{t('caseFile.targetType')}</dt>
        <dd>{label('targetType', caseFile.household.targetType)}</dd>
        <dt>{t('caseFile.intakeDate')}</dt>
        <dd>{formatDate(caseFile.intake.date)}</dd>
      </dl>
    </header>
  )
}

function LevelForm({ caseFile, onDone }: { caseFile: CaseFile; onDone: () => void }) {
  const t = useT()
  const label = useEnumLabel()
  const other = CASE_LEVELS.find((l) => l !== caseFile.meta.level) ?? caseFile.meta.level
  const [level, setLevel] = useState<CaseLevel>(other)
  return (
    <ReasonForm title={t('caseFile.level.change')} onSubmit={(reason) => changeLevel(caseFile.meta.id, level, reason)} onDone={onDone}>
      <ChoiceGroup
        legend={t('caseFile.level.new')}
        choices={CASE_LEVELS.map((v) => ({ value: v, label: label('caseLevel', v) }))}
        value={level}
        onChange={setLevel}
      />
    </ReasonForm>
  )
}
