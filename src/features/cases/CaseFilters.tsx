// Stage and due filter chips (one of each at a time; pressing the active chip clears it), then
// 대상 유형, 선정 and 사례 수준 as compact selects, the order of the list, and 의뢰 받음 (cases a referral
// waits at for the user's team).
import { CASE_LEVELS, CASE_SORTS, DUE_FILTERS, SELECTION_KINDS, STAGES, TARGET_TYPES } from '../../domain'
import type { CaseFilter, CaseSort, DueFilter, SelectionFilter, Stage } from '../../domain'
import { useEnumLabel, useT } from '../../i18n'
import { useSession } from '../../security/session'

export interface ListFilters extends CaseFilter {
  stage?: Stage
  due?: DueFilter
  sort?: CaseSort
}

interface Props {
  filters: ListFilters
  onChange: (next: ListFilters) => void
}

/** A select whose empty value means "all"; unknown values (an old URL) are ignored. */
function FilterSelect<V extends string>({ label, value, options, onChange, allLabel }: {
  label: string
  value: V | undefined
  options: readonly { value: V; label: string }[]
  onChange: (v: V | undefined) => void
  allLabel?: string
}) {
  return (
    <label className="filter-select">
      <span className="filter-select__label">{label}</span>
      <select
        className="ui-input"
        value={value ?? ''}
        onChange={(e) => {
          const v = e.currentTarget.value
          onChange(options.some((o) => o.value === v) ? (v as V) : undefined)
        }}
      >
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
}

export function CaseFilters({ filters, onChange }: Props) {
  const t = useT()
  const label = useEnumLabel()
  const { stage, due, referredTo } = filters
  const team = useSession()?.user.team
  const selections: { value: SelectionFilter; label: string }[] = [
    ...SELECTION_KINDS.map((k) => ({ value: k, label: label('selectionKind', k) })),
    { value: 'none', label: t('cases.selectionNone') },
  ]
  return (
    <div className="filters">
      <div className="chips" role="group" aria-label={t('cases.stageFilter')}>
        <button type="button" className="chip" aria-pressed={stage === undefined} onClick={() => onChange({ ...filters, stage: undefined })}>
          {t('common.all')}
        </button>
        {STAGES.map((s) => (
          <button key={s} type="button" className="chip" aria-pressed={stage === s} onClick={() => onChange({ ...filters, stage: stage === s ? undefined : s })}>
            {label('stage', s)}
          </button>
        ))}
      </div>
      <div className="chips" role="group" aria-label={t('cases.dueFilter')}>
        {DUE_FILTERS.map((f) => (
          <button key={f} type="button" className="chip chip--due" aria-pressed={due === f} onClick={() => onChange({ ...filters, due: due === f ? undefined : f })}>
            {t(`cases.due.${f}`)}
          </button>
        ))}
      </div>
      {team ? (
        <div className="chips" role="group" aria-label={t('cases.referralFilter')}>
          <button
            type="button"
            className="chip"
            aria-pressed={referredTo === team}
            onClick={() => onChange({ ...filters, referredTo: referredTo === team ? undefined : team })}
          >
            {t('cases.referredIn')}
          </button>
        </div>
      ) : null}
      <div className="filter-selects" role="group" aria-label={t('cases.moreFilters')}>
        <FilterSelect
          label={t('cases.targetFilter')}
          allLabel={t('common.all')}
          value={filters.targetType}
          options={TARGET_TYPES.map((v) => ({ value: v, label: label('targetType', v) }))}
          onChange={(targetType) => onChange({ ...filters, targetType })}
        />
        <FilterSelect
          label={t('cases.selectionFilter')}
          allLabel={t('common.all')}
          value={filters.selection}
          options={selections}
          onChange={(selection) => onChange({ ...filters, selection })}
        />
        <FilterSelect
          label={t('cases.levelFilter')}
          allLabel={t('common.all')}
          value={filters.level}
          options={CASE_LEVELS.map((v) => ({ value: v, label: label('caseLevel', v) }))}
          onChange={(level) => onChange({ ...filters, level })}
        />
        <FilterSelect
          label={t('cases.sort')}
          value={filters.sort ?? 'name'}
          options={CASE_SORTS.map((s) => ({ value: s, label: t(`cases.sort.${s}`) }))}
          onChange={(sort) => onChange({ ...filters, sort: sort === 'name' ? undefined : sort })}
        />
      </div>
    </div>
  )
}
