// Stage and due filter chips (one of each at a time; pressing the active chip clears it).
import { DUE_FILTERS, STAGES } from '../../domain'
import type { DueFilter, Stage } from '../../domain'
import { useEnumLabel, useT } from '../../i18n'

interface Props {
  stage: Stage | undefined
  due: DueFilter | undefined
  onStage: (stage: Stage | undefined) => void
  onDue: (due: DueFilter | undefined) => void
}

export function CaseFilters({ stage, due, onStage, onDue }: Props) {
  const t = useT()
  const label = useEnumLabel()
  return (
    <div className="filters">
      <div className="chips" role="group" aria-label={t('cases.stageFilter')}>
        <button type="button" className="chip" aria-pressed={stage === undefined} onClick={() => onStage(undefined)}>
          {t('common.all')}
        </button>
        {STAGES.map((s) => (
          <button key={s} type="button" className="chip" aria-pressed={stage === s} onClick={() => onStage(stage === s ? undefined : s)}>
            {label('stage', s)}
          </button>
        ))}
      </div>
      <div className="chips" role="group" aria-label={t('cases.dueFilter')}>
        {DUE_FILTERS.map((f) => (
          <button key={f} type="button" className="chip chip--due" aria-pressed={due === f} onClick={() => onDue(due === f ? undefined : f)}>
            {t(`cases.due.${f}`)}
          </button>
        ))}
      </div>
    </div>
  )
}
