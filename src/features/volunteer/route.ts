// The volunteer app's own hash routes. Anything else (a worker's bookmark, a case link) is the home.
import { useHash } from '../shell/router'

export type VolunteerRoute = { name: 'home' } | { name: 'checkin'; briefId: string } | { name: 'discovery' } | { name: 'settings' }

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function parseVolunteerRoute(hash: string): VolunteerRoute {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/'
  if (path === '/discovery') return { name: 'discovery' }
  if (path === '/settings') return { name: 'settings' }
  const m = /^\/checkin\/([^/]+)$/.exec(path)
  if (m && ID.test(m[1] as string)) return { name: 'checkin', briefId: m[1] as string }
  return { name: 'home' }
}

export function volunteerHref(route: VolunteerRoute): string {
  switch (route.name) {
    case 'home':
      return '#/'
    case 'checkin':
      return `#/checkin/${route.briefId}`
    case 'discovery':
      return '#/discovery'
    case 'settings':
      return '#/settings'
  }
}

export function goVolunteer(route: VolunteerRoute): void {
  window.location.hash = volunteerHref(route)
}

export function useVolunteerRoute(): VolunteerRoute {
  return parseVolunteerRoute(useHash())
}
