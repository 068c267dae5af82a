// Shared set-up for the volunteer app's component tests: a volunteer session, briefs and reports.
import { render } from '@testing-library/react'
import { addDays, todayInSeoul } from '../../../src/domain'
import type { Brief, VolunteerReport } from '../../../src/domain'
import { I18nProvider } from '../../../src/i18n'
import { ToastProvider } from '../../../src/features/common'
import { VolunteerApp } from '../../../src/features/volunteer/VolunteerApp'
import { keepSession } from '../../../src/security/session'
import type { Role } from '../../../src/security/session'
import { saveBrief } from '../../../src/store/volunteerStore'

export const VOLUNTEER_ID = 'vol-0001'
export const TEAM = 'dong-sinchon'

export function session(role: Role, id = VOLUNTEER_ID, username = 'dong.volunteer') {
  return { token: 't', user: { id, username, role, team: TEAM }, loggedInAt: new Date().toISOString() }
}

export function signInAs(role: Role): Promise<void> {
  return keepSession(session(role, role === 'volunteer' ? VOLUNTEER_ID : 'wrk-0001', role === 'volunteer' ? 'dong.volunteer' : 'dong.worker'))
}

/** Today in Seoul shifted by `days`, as an instant at Seoul noon. */
export function instantOn(days: number): string {
  return `${addDays(todayInSeoul(), days)}T03:00:00.000Z`
}

export async function makeBrief(headName: string, overrides: Partial<Brief> = {}): Promise<Brief> {
  const brief: Brief = {
    id: crypto.randomUUID(),
    caseId: crypto.randomUUID(),
    teamId: TEAM,
    volunteerId: VOLUNTEER_ID,
    assignedBy: 'wrk-0001',
    assignedAt: instantOn(0),
    headName,
    address: `서울특별시 서대문구 신촌로 ${headName.length}0`,
    schedule: 'weekly',
    watchFor: '식사, 난방',
    centerContact: '신촌동 주민센터 김복지 02-330-1234',
    ...overrides,
  }
  await saveBrief(brief)
  return brief
}

export function checkIn(briefId: string, date: string, overrides: Partial<VolunteerReport> = {}): VolunteerReport {
  return {
    id: crypto.randomUUID(),
    teamId: TEAM,
    by: VOLUNTEER_ID,
    byKind: 'neighbor',
    createdAt: `${date}T03:00:00.000Z`,
    kind: 'checkin',
    briefId,
    date,
    outcome: 'met',
    signs: [],
    note: '',
    contactRequested: false,
    ...overrides,
  } as VolunteerReport
}

export function renderVolunteerApp(hash = '#/') {
  window.location.hash = hash
  return render(
    <I18nProvider initialLocale="ko">
      <ToastProvider>
        <VolunteerApp />
      </ToastProvider>
    </I18nProvider>,
  )
}
