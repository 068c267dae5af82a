// Home screen: find a case by name (초성 works), address, phone or 행복e음 관리번호; filter by stage,
// what is due, 대상 유형, selection and level; order by name, nearest deadline or last contact.
import { useState } from 'react'
import { useCaseList } from '../../store'
import { useT } from '../../i18n'
import { ImeTextInput } from '../common'
import { CaseFilters } from './CaseFilters'
import type { ListFilters } from './CaseFilters'
import { VirtualCaseList } from './VirtualCaseList'

interface Filters extends ListFilters {
  query: string
}

// Kept in memory (not storage, not the URL) so coming back from a case file restores the list.
let remembered: Filters = { query: '' }

export function CaseListScreen() {
  const t = useT()
  const [filters, setFiltersState] = useState<Filters>(remembered)
  const setFilters = (next: Filters) => {
    remembered = next
    setFiltersState(next)
  }
  const { rows, total, loading } = useCaseList(filters)
  const filtered =
    filters.query.trim() !== '' ||
    [filters.stage, filters.due, filters.targetType, filters.selection, filters.level, filters.referredTo].some((f) => f !== undefined)

  return (
    <section className="screen case-list">
      <h1 className="screen__title">{t('cases.title')}</h1>
      <div className="case-list__controls">
        <label className="visually-hidden" htmlFor="case-search">
          {t('cases.searchLabel')}
        </label>
        <ImeTextInput
          id="case-search"
          type="search"
          value={filters.query}
          placeholder={t('cases.search')}
          autoComplete="off"
          onCommit={(query) => setFilters({ ...filters, query })}
        />
        <CaseFilters filters={filters} onChange={(next) => setFilters({ ...next, query: filters.query })} />
      </div>
      {loading ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : total === 0 ? (
        <div className="empty">
          <p className="empty__title">{t('cases.empty')}</p>
          <p className="muted">{t('cases.emptyHint')}</p>
          <a className="ui-button ui-button--primary link-button" href="#/new">
            {t('cases.register')}
          </a>
        </div>
      ) : (
        <>
          <p className="case-list__count" data-testid="case-count" aria-live="polite">
            {t('cases.count', { shown: rows.length, total })}
          </p>
          {rows.length === 0 ? (
            <div className="empty">
              <p className="empty__title">{t('cases.noMatch')}</p>
              {filtered ? (
                <button type="button" className="ui-button" onClick={() => setFilters({ query: '', sort: filters.sort })}>
                  {t('cases.clearFilters')}
                </button>
              ) : null}
            </div>
          ) : (
            <VirtualCaseList rows={rows} label={t('cases.title')} />
          )}
        </>
      )}
    </section>
  )
}
