// What the home screen shows, computed from the briefs and reports on the device (pure, tested).
import { daysBetween, isBriefActive, nextCheckInDue, reportStatus } from '../../domain'
import type { Brief, InboxItem } from '../../domain'
import type { ReportSendState } from '../../store/volunteerProfile'

export interface HouseholdRow {
  brief: Brief
  /** The day the next 안부확인 is due. */
  due: string
  /** Days past due (0 when due today, negative when not yet due). */
  lateDays: number
}

/** Active briefs split into due today or overdue (oldest due first) and the rest (soonest first). */
export function householdRows(briefs: readonly Brief[], reports: readonly InboxItem[], today: string): { due: HouseholdRow[]; later: HouseholdRow[] } {
  const rows = briefs.filter(isBriefActive).map((brief) => {
    const dates = reports.flatMap((r) => (r.report.kind === 'checkin' && r.report.briefId === brief.id ? [r.report.date] : []))
    const due = nextCheckInDue(brief, dates)
    return { brief, due, lateDays: daysBetween(due, today) }
  })
  rows.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.brief.headName.localeCompare(b.brief.headName, 'ko')))
  return { due: rows.filter((r) => r.lateDays >= 0), later: rows.filter((r) => r.lateDays < 0) }
}

export type StatusWord = 'pending' | 'sent' | 'acknowledged' | 'received' | 'rejected'

/** The one word a volunteer sees for a report: 전송 대기, 보냄, 확인됨, 접수됨 (or 보내지 못함). */
export function statusWord(item: InboxItem, send: ReportSendState | undefined): StatusWord {
  const status = reportStatus(item.handling)
  if (status !== 'sent') return status
  if (send?.rejected) return 'rejected'
  return send?.pending ? 'pending' : 'sent'
}

/** Newest first. */
export function reportsNewestFirst(reports: readonly InboxItem[]): InboxItem[] {
  return [...reports].sort((a, b) => (a.report.createdAt < b.report.createdAt ? 1 : a.report.createdAt > b.report.createdAt ? -1 : 0))
}
