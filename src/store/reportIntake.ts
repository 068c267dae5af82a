// The worker's handling of volunteer reports (issue 10): 확인, 접수로 전환 (a discovery becomes a new case
// file, prefilled from the report, stage 접수) and 기존 사례에 연결 (a check-in becomes a 점검 entry of the case
// its brief was made from). Each then stamps the report's handling, which the volunteer sees as 접수됨.
import { formatDate, labelOf, todayInSeoul } from '../domain'
import type { CheckIn, CheckInOutcome, ContactOutcome, Discovery, Handling, TargetType } from '../domain'
import { createCase } from './caseCommands'
import { nowInstant, refuse } from './commandCore'
import { openDoc } from './docStore'
import { addMonitoringNote } from './entityCommands'
import { briefDocName, readBrief, readHandling } from './volunteerDocs'
import { updateHandling } from './volunteerStore'

export const INTAKE_MESSAGES = {
  noBrief: '이 안부확인의 배정 정보가 이 기기에 없어 사례를 찾을 수 없습니다.',
  done: '이미 처리한 보고입니다.',
} as const

/** The head member's name when the volunteer did not learn it (as briefFromCase shows an unnamed head). */
export const UNKNOWN_NAME = '(이름 미상)'

/** Who handles it: the worker's user id and team. */
export interface Handler {
  id: string
  team: string
}

/** A report already turned into a case or linked (on this device, or from another one) is not handled twice. */
async function refuseHandled(name: string): Promise<void> {
  const handling = readHandling(await openDoc(name))
  if (handling.ok && (handling.value.intake || handling.value.linked)) refuse('', INTAKE_MESSAGES.done)
}

/** How the case refers to its report: its date and the first 8 characters of its id (shown in the inbox). */
export function reportReference(report: Discovery): string {
  return `발굴 보고 ${formatDate(report.date)} · 보고 번호 ${report.id.slice(0, 8)}`
}

/** 접수 경위 text of a discovery: who, what was seen, the crisis types, urgency, consent and the note. */
export function presentingProblemOf(report: Discovery): string {
  const lines = [`${labelOf('volunteerKind', report.byKind)} 발굴 보고 (${report.date})`, `어떤 분: ${report.who}`]
  if (report.signs.length) lines.push(`본 것: ${report.signs.map((s) => labelOf('crisisSign', s)).join(', ')}`)
  if (report.crisisTypes.length) lines.push(`위기 유형: ${report.crisisTypes.map((c) => labelOf('crisisType', c)).join(', ')}`)
  lines.push(`긴급도: ${labelOf('urgency', report.urgency)}`)
  lines.push(`연락 동의: ${report.consentToContact ? '예' : '아니요'}`)
  if (report.note.trim()) lines.push(`메모: ${report.note.trim()}`)
  return lines.join('\n')
}

/**
 * 접수로 전환: opens a case file from a discovery (접수 경로 이웃살피미·통장 발굴, today's date, the place as
 * the address, the name as the head, or (이름 미상) when not given) and stamps the report's handling; returns the new case id.
 * The 대상 유형 is the worker's choice (a report cannot know it).
 */
export async function intakeFromDiscovery(name: string, report: Discovery, input: { targetType: TargetType }, by: Handler): Promise<string> {
  await refuseHandled(name)
  // A case file needs a head member: the reported name, or a placeholder the worker renames after contact.
  const headName = report.name?.trim() || UNKNOWN_NAME
  const caseId = await createCase({
    household: { targetType: input.targetType, address: report.place },
    members: [{ name: headName, isHead: true }],
    // The case names the report it came from; the report's handling names the case.
    intake: { date: todayInSeoul(), source: 'volunteerReport', sourceDetail: reportReference(report), presentingProblem: presentingProblemOf(report) },
    level: 'general',
    createdBy: by.id,
    teamId: by.team,
  })
  await updateHandling(name, { intake: { by: by.id, at: nowInstant(), caseId } })
  return caseId
}

const CONTACT_OF: Record<CheckInOutcome, ContactOutcome> = { met: 'met', phone: 'reached', absent: 'noAnswer', refused: 'noAnswer' }

/** The 점검 text of a check-in: how it went, the signs seen, the note and a contact request. */
export function monitoringTextOf(report: CheckIn): string {
  const parts = [`이웃살피미 안부확인: ${labelOf('checkInOutcome', report.outcome)}`]
  if (report.signs.length) parts.push(`위기 징후: ${report.signs.map((s) => labelOf('crisisSign', s)).join(', ')}`)
  if (report.note.trim()) parts.push(`메모: ${report.note.trim()}`)
  if (report.contactRequested) parts.push('담당자 연락 요청')
  return parts.join('\n')
}

/** The case a check-in belongs to (from its brief on this device), or undefined. */
export async function caseOfCheckIn(report: CheckIn): Promise<string | undefined> {
  const brief = readBrief(await openDoc(briefDocName(report.briefId)))
  return brief?.ok ? brief.value.caseId : undefined
}

/** 기존 사례에 연결: adds a 점검 entry to the brief's case and stamps the report; returns the ids. */
export async function linkCheckIn(name: string, report: CheckIn, by: Handler): Promise<{ caseId: string; monitoringId: string }> {
  await refuseHandled(name)
  const caseId = await caseOfCheckIn(report)
  if (!caseId) refuse('', INTAKE_MESSAGES.noBrief)
  const monitoringId = await addMonitoringNote(caseId, { date: report.date, contact: CONTACT_OF[report.outcome], text: monitoringTextOf(report) })
  await updateHandling(name, { linked: { by: by.id, at: nowInstant(), caseId, monitoringId } })
  return { caseId, monitoringId }
}

/** 확인: the worker has seen it. */
export function acknowledgeReport(name: string, by: Handler): Promise<Handling> {
  return updateHandling(name, { ack: { by: by.id, at: nowInstant() } })
}
