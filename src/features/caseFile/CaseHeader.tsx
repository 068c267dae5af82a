// Who the case is about at a glance: head of household, masked identifiers, stage, level and what is due.
import { computeDue, DUE_FILTERS, formatDate, formatPhone, headOf, maskRrn, todayInSeoul } from '../../domain'
import type { CaseFile } from '../../domain'
import { useEnumLabel, useT } from '../../i18n'
import { useSettings } from '../../store'
import { Badge } from '../common'

export function CaseHeader({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const head = headOf(caseFile.members)
  // The team's saved deadlines (설정), as the list's due flags use them.
  const { deadlines } = useSettings()
  const due = computeDue(caseFile, todayInSeoul(), deadlines)
  const phone = head?.phone ?? caseFile.household.phone
  return (
    <header className="cf-header">
      <h1>{head?.name ?? t('caseFile.unnamed')}</h1>
      <div className="ui-row">
        <Badge tone="info">{label('stage', caseFile.meta.stage)}</Badge>
        <Badge tone={caseFile.meta.level === 'intensive' ? 'warn' : 'neutral'}>{label('caseLevel', caseFile.meta.level)}</Badge>
        {caseFile.selection ? <Badge>{label('selectionKind', caseFile.selection.kind)}</Badge> : null}
        {DUE_FILTERS.filter((f) => due[f]).map((f) => (
          <Badge key={f} tone="danger">
            {t(`cases.due.${f}`)}
          </Badge>
        ))}
      </div>
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
