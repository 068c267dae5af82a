// The tables supervisors produce by hand today (seed 003, 2014 현황), computed from case files.
// Counting choices (the seed does not define them):
// - 사례관리 현황: each household in exactly one column, so the columns add up to 계 as in the seed.
//   종결 wins (stage closed or followUp); then 미선정 (selection excluded, or no selection and the latest
//   conference decided notSelected); then the selection kind; cases not yet selected are 진행 중 (pending).
// - 연계 현황: distinct members per domain over linkages that were actually made (requested, in progress,
//   completed); 계 is the sum of the domain columns.
// - 방문 실적: households with at least one visit of that kind (attempts with nobody home included,
//   it is work done); a household visited in two kinds counts in both, 계 is the sum as in the seed.
import type { CaseFile } from './caseFile'
import { dayOf } from './dates'
import { SERVICE_DOMAINS, TARGET_TYPES, VISIT_KINDS } from './enums'
import type { ServiceDomain, TargetType, VisitKind } from './enums'
import { LINKED_STATUSES } from './linkage'
import { CHECK_IN_OUTCOMES } from './enums'
import type { CheckInOutcome, VolunteerKind } from './enums'
import type { Brief } from './brief'
import type { InboxItem, VolunteerReport } from './volunteerReport'

export const CASE_STATUS_COLUMNS = ['caseManagement', 'linkage', 'notSelected', 'closed', 'pending'] as const
export type CaseStatusColumn = (typeof CASE_STATUS_COLUMNS)[number]

export interface HouseholdsPersons {
  households: number
  persons: number
}

export interface Statistics {
  total: HouseholdsPersons
  byTargetType: Record<TargetType, HouseholdsPersons>
  byCaseStatus: Record<CaseStatusColumn, number>
  linkedPersonsByDomain: Record<ServiceDomain, number>
  linkedPersonsTotal: number
  visitedHouseholdsByKind: Record<VisitKind, number>
  visitedHouseholdsTotal: number
}

/** Optional period (inclusive days): cases open at some point in it, visits and linkages started in it. */
export interface StatisticsPeriod {
  from?: string
  to?: string
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>
}

export function caseStatusColumn(cf: CaseFile): CaseStatusColumn {
  if (cf.meta.stage === 'closed' || cf.meta.stage === 'followUp') return 'closed'
  const kind = cf.selection?.kind
  if (kind === 'excluded') return 'notSelected'
  if (kind === 'caseManagement' || kind === 'linkage') return kind
  const latest = [...cf.conferences].sort((a, b) => a.date.localeCompare(b.date)).at(-1)
  return latest?.decision === 'notSelected' ? 'notSelected' : 'pending'
}

export function computeStatistics(cases: readonly CaseFile[], period: StatisticsPeriod = {}): Statistics {
  const inPeriod = (day: string) => (period.from === undefined || day >= period.from) && (period.to === undefined || day <= period.to)
  const stats: Statistics = {
    total: { households: 0, persons: 0 },
    byTargetType: Object.fromEntries(TARGET_TYPES.map((t) => [t, { households: 0, persons: 0 }])) as Record<TargetType, HouseholdsPersons>,
    byCaseStatus: zeroes(CASE_STATUS_COLUMNS),
    linkedPersonsByDomain: zeroes(SERVICE_DOMAINS),
    linkedPersonsTotal: 0,
    visitedHouseholdsByKind: zeroes(VISIT_KINDS),
    visitedHouseholdsTotal: 0,
  }
  for (const cf of cases) {
    const openedBeforeEnd = period.to === undefined || cf.intake.date <= period.to
    const closedBeforeStart = period.from !== undefined && cf.closure !== undefined && cf.closure.date < period.from
    if (!openedBeforeEnd || closedBeforeStart) continue

    const persons = cf.members.length
    stats.total.households += 1
    stats.total.persons += persons
    stats.byTargetType[cf.household.targetType].households += 1
    stats.byTargetType[cf.household.targetType].persons += persons
    stats.byCaseStatus[caseStatusColumn(cf)] += 1

    for (const domain of SERVICE_DOMAINS) {
      const members = new Set<string>()
      for (const l of cf.linkages) {
        if (l.domain !== domain || !LINKED_STATUSES.includes(l.status)) continue
        if (l.startDate !== undefined && !inPeriod(l.startDate)) continue
        l.memberIds.forEach((id) => members.add(id))
      }
      stats.linkedPersonsByDomain[domain] += members.size
      stats.linkedPersonsTotal += members.size
    }

    for (const kind of VISIT_KINDS) {
      if (cf.visits.some((v) => v.kind === kind && inPeriod(dayOf(v.visitedAt)))) {
        stats.visitedHouseholdsByKind[kind] += 1
        stats.visitedHouseholdsTotal += 1
      }
    }
  }
  return stats
}

// 이웃살피미 activity and the 발굴 funnel (issue 10), for the supervisor's statistics.
// - Activity: per volunteer and month (YYYY-MM of the report's own date), the 안부확인 made, by outcome, the
//   households they covered (distinct cases of the briefs checked on) and the briefs active in that month;
//   the volunteer's kind (이웃살피미, 복지통장, ...) is the one on their latest report of that month.
// - Funnel: 발굴 보고 → 접수 (turned into a case file) → 선정 (that case file selected for 사례관리).

export interface VolunteerMonth {
  volunteerId: string
  /** YYYY-MM */
  month: string
  kind: VolunteerKind
  checkIns: number
  byOutcome: Record<CheckInOutcome, number>
  /** Distinct households (cases of the briefs) checked on in the month. */
  households: number
  /** The volunteer's briefs active at some point in the month. */
  activeBriefs: number
  discoveries: number
}

function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${month}-${String(last).padStart(2, '0')}`
}

function activeIn(brief: Pick<Brief, 'assignedAt' | 'endedAt'>, month: string): boolean {
  if (dayOf(brief.assignedAt) > monthEnd(month)) return false
  return !brief.endedAt || dayOf(brief.endedAt) >= `${month}-01`
}

/** 안부확인 per volunteer and month, with the discoveries they reported; sorted by month, then volunteer. */
export function volunteerActivity(reports: readonly VolunteerReport[], briefs: readonly Brief[]): VolunteerMonth[] {
  const briefById = new Map(briefs.map((b) => [b.id, b]))
  const rows = new Map<string, VolunteerMonth & { latest: string; cases: Set<string> }>()
  for (const r of reports) {
    const month = r.date.slice(0, 7)
    const key = `${r.by}\u0000${month}`
    let row = rows.get(key)
    if (!row) {
      const activeBriefs = briefs.filter((b) => b.volunteerId === r.by && activeIn(b, month)).length
      row = {
        volunteerId: r.by, month, kind: r.byKind, checkIns: 0, byOutcome: zeroes(CHECK_IN_OUTCOMES), households: 0, activeBriefs,
        discoveries: 0, latest: r.createdAt, cases: new Set(),
      }
      rows.set(key, row)
    }
    if (r.createdAt >= row.latest) {
      row.latest = r.createdAt
      row.kind = r.byKind
    }
    if (r.kind === 'discovery') {
      row.discoveries++
      continue
    }
    row.checkIns++
    row.byOutcome[r.outcome]++
    row.cases.add(briefById.get(r.briefId)?.caseId ?? `brief:${r.briefId}`)
  }
  return [...rows.values()]
    .map(({ latest: _latest, cases, ...row }) => ({ ...row, households: cases.size }))
    .sort((a, b) => a.month.localeCompare(b.month) || a.volunteerId.localeCompare(b.volunteerId))
}

export interface DiscoveryFunnel {
  /** 발굴 보고 received. */
  discoveries: number
  /** 접수: turned into a case file (접수로 전환). */
  intake: number
  /** 선정: that case file is selected for 사례관리 (held on this device). */
  selected: number
}

/** 발굴 → 접수 → 선정 over the reports held (with their handling) and the case files held. */
export function discoveryFunnel(reports: readonly InboxItem[], caseFiles: readonly CaseFile[]): DiscoveryFunnel {
  const selectedCases = new Set(caseFiles.filter((cf) => cf.selection?.kind === 'caseManagement').map((cf) => cf.meta.id))
  const funnel: DiscoveryFunnel = { discoveries: 0, intake: 0, selected: 0 }
  for (const item of reports) {
    if (item.report.kind !== 'discovery') continue
    funnel.discoveries++
    const caseId = item.handling.intake?.caseId
    if (!caseId) continue
    funnel.intake++
    if (selectedCases.has(caseId)) funnel.selected++
  }
  return funnel
}
