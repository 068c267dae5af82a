// A tiny hash router: a handful of screens, no personal data ever in the URL (only case ids).
import { useSyncExternalStore } from 'react'

/** The case file's tabs (issue 9): `#/case/<id>/<tab>`; without one the screen opens the current stage's tab. */
export const CASE_TABS = ['household', 'assessment', 'plan', 'visits', 'history'] as const
export type CaseTab = (typeof CASE_TABS)[number]

export function isCaseTab(value: string | undefined): value is CaseTab {
  return (CASE_TABS as readonly (string | undefined)[]).includes(value)
}

export type Route =
  | { name: 'cases' }
  | { name: 'newHousehold' }
  | { name: 'caseFile'; caseId: string; tab?: CaseTab }
  | { name: 'visit'; caseId: string; visitId: string | 'new' }
  | { name: 'resources' }
  | { name: 'settings' }
  | { name: 'statistics' }
  | { name: 'inbox' }
  | { name: 'notFound' }

const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/'
  if (path === '/' || path === '/cases') return { name: 'cases' }
  if (path === '/new') return { name: 'newHousehold' }
  if (path === '/resources') return { name: 'resources' }
  if (path === '/settings') return { name: 'settings' }
  if (path === '/statistics') return { name: 'statistics' }
  if (path === '/inbox') return { name: 'inbox' }
  const m = /^\/case\/([^/]+)$/.exec(path)
  if (m && CASE_ID.test(m[1] as string)) return { name: 'caseFile', caseId: m[1] as string }
  const tab = /^\/case\/([^/]+)\/([^/]+)$/.exec(path)
  if (tab && CASE_ID.test(tab[1] as string) && isCaseTab(tab[2])) return { name: 'caseFile', caseId: tab[1] as string, tab: tab[2] }
  const v = /^\/case\/([^/]+)\/visit\/([^/]+)$/.exec(path)
  if (v && CASE_ID.test(v[1] as string) && (v[2] === 'new' || CASE_ID.test(v[2] as string))) {
    return { name: 'visit', caseId: v[1] as string, visitId: v[2] as string }
  }
  return { name: 'notFound' }
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'cases':
      return '#/'
    case 'newHousehold':
      return '#/new'
    case 'caseFile':
      return route.tab ? `#/case/${route.caseId}/${route.tab}` : `#/case/${route.caseId}`
    case 'visit':
      return `#/case/${route.caseId}/visit/${route.visitId}`
    case 'resources':
      return '#/resources'
    case 'settings':
      return '#/settings'
    case 'statistics':
      return '#/statistics'
    case 'inbox':
      return '#/inbox'
    case 'notFound':
      return '#/'
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route)
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener)
  return () => window.removeEventListener('hashchange', listener)
}

const currentHash = () => window.location.hash

/** The location hash, following every change (each screen set parses it its own way). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, currentHash, () => '')
}

export function useRoute(): Route {
  return parseRoute(useHash())
}
