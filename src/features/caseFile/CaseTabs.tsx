// The case file's tab bar (가구 / 욕구조사 / 계획·연계 / 방문·점검 / 이력) and its panels. The URL keeps
// the tab (#/case/<id>/<tab>): a tap adds a history entry (the back button returns to the last tab),
// arrow keys, Home and End move between tabs and replace it. On a narrow phone the bar scrolls sideways.
import { useEffect, useId, useRef } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'
import { useT } from '../../i18n'
import { CASE_TABS, hrefOf } from '../shell/router'
import type { CaseTab } from '../shell/router'

export function caseTabHref(caseId: string, tab: CaseTab): string {
  return hrefOf({ name: 'caseFile', caseId, tab })
}

export const tabId = (prefix: string, tab: CaseTab) => `${prefix}-tab-${tab}`
export const panelId = (prefix: string, tab: CaseTab) => `${prefix}-panel-${tab}`

interface CaseTabsProps {
  caseId: string
  active: CaseTab
  /** The tab of the current stage's work: marked with a dot and described as 현재 단계. */
  stageTab: CaseTab
  /** Prefix of the tab and panel ids (useId of the screen). */
  idPrefix: string
}

export function CaseTabs({ caseId, active, stageTab, idPrefix }: CaseTabsProps) {
  const t = useT()
  const bar = useRef<HTMLDivElement>(null)
  const hintId = useId()

  // Keep the active tab in view when the bar scrolls sideways (a deep link to 이력 on a 360 px phone);
  // only the bar scrolls, never the page.
  useEffect(() => {
    const list = bar.current
    const tab = list?.querySelector<HTMLElement>(`[aria-selected='true']`)
    if (!list || !tab || list.scrollWidth <= list.clientWidth) return
    const left = tab.offsetLeft - list.offsetLeft
    if (left < list.scrollLeft) list.scrollLeft = left
    else if (left + tab.offsetWidth > list.scrollLeft + list.clientWidth) list.scrollLeft = left + tab.offsetWidth - list.clientWidth
  }, [active])

  const go = (tab: CaseTab, replace: boolean) => {
    const href = caseTabHref(caseId, tab)
    if (replace) window.location.replace(href)
    else window.location.hash = href
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = CASE_TABS.indexOf(active)
    const last = CASE_TABS.length - 1
    const to =
      e.key === 'ArrowRight' ? (at === last ? 0 : at + 1)
      : e.key === 'ArrowLeft' ? (at === 0 ? last : at - 1)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? last
      : undefined
    if (to === undefined) return
    e.preventDefault()
    const tab = CASE_TABS[to] as CaseTab
    document.getElementById(tabId(idPrefix, tab))?.focus()
    go(tab, true)
  }

  return (
    <>
      <div className="cf-tabs" role="tablist" aria-label={t('caseFile.tabs.label')} ref={bar} onKeyDown={onKeyDown}>
        {CASE_TABS.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={tabId(idPrefix, tab)}
            className={tab === stageTab ? 'cf-tab cf-tab--stage' : 'cf-tab'}
            aria-selected={tab === active}
            aria-controls={panelId(idPrefix, tab)}
            aria-describedby={tab === stageTab ? hintId : undefined}
            tabIndex={tab === active ? 0 : -1}
            onClick={() => tab !== active && go(tab, false)}
          >
            {t(`caseFile.tabs.${tab}`)}
          </button>
        ))}
      </div>
      <span id={hintId} hidden>
        {t('caseFile.tabs.currentStage')}
      </span>
    </>
  )
}

export function CaseTabPanel({ tab, active, idPrefix, children }: { tab: CaseTab; active: boolean; idPrefix: string; children: ReactNode }) {
  // Every panel stays mounted (hidden when not chosen), so a half-filled form survives a tab switch.
  return (
    <div className="cf-panel" role="tabpanel" id={panelId(idPrefix, tab)} aria-labelledby={tabId(idPrefix, tab)} hidden={!active}>
      {children}
    </div>
  )
}
