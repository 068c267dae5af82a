// 이웃살피미 배정 (issue 10): a worker assigns a volunteer to a case's household. The brief is derived
// from the case file (briefFromCase: head name, address, phone, nothing else) and saved as its own
// document; the relay routes it to the volunteer while it is active. Editing re-derives the household
// part from the current case file; 배정 종료 stamps endedAt (the relay then withdraws the volunteer's copy).
// 배정 and 배정 종료 are also events of the case's history (who, to whom, how often), so the case keeps them
// after the brief has left the volunteer's phone.
import { READ_ONLY_MESSAGES, briefFromCase, labelOf, teamAccessIn } from '../domain'
import type { AssignmentInput, Brief, CaseFile, CheckInSchedule, HistoryEvent } from '../domain'
import { loadCase, mutateCase, newId, nowInstant, refuse } from './commandCore'
import { openDoc } from './docStore'
import { getSession } from './storageMeta'
import { briefDocName, readBrief } from './volunteerDocs'
import { listBriefs, saveBrief } from './volunteerStore'
import type { BriefEntry } from './volunteerStore'

export const BRIEF_MESSAGES = {
  login: '로그인한 뒤 배정할 수 있습니다.',
  notFound: '이 배정을 찾을 수 없습니다.',
  ended: '이미 종료된 배정입니다.',
} as const

/** Who assigns: the signed-in worker (id and team), from the sealed session unless given. */
export interface Assigner {
  id: string
  team: string
}

async function assigner(given?: Assigner): Promise<Assigner> {
  if (given) return given
  const s = await getSession<{ user?: { id?: unknown; team?: unknown } }>()
  const id = s?.user?.id
  const team = s?.user?.team
  if (typeof id !== 'string' || typeof team !== 'string') refuse('', BRIEF_MESSAGES.login)
  return { id, team }
}

function requireWritable(cf: CaseFile, team: string): void {
  const access = teamAccessIn(cf, team)
  if (access !== 'full') refuse('', READ_ONLY_MESSAGES[access])
}

const sourceOf = (cf: CaseFile, teamId: string) => ({ caseId: cf.meta.id, teamId, household: cf.household, members: cf.members })

/** The case's briefs (active and ended), active first, newest first within each. */
export async function listCaseBriefs(caseId: string): Promise<BriefEntry[]> {
  const all = (await listBriefs()).filter((e) => e.brief.caseId === caseId)
  return all.sort((a, b) => Number(Boolean(a.brief.endedAt)) - Number(Boolean(b.brief.endedAt)) || b.brief.assignedAt.localeCompare(a.brief.assignedAt))
}

/** Adds an assignment event to the case's history (the volunteer named as the screen shows them). */
async function recordInHistory(caseId: string, event: HistoryEvent): Promise<void> {
  await mutateCase(caseId, () => ({ write: () => undefined, result: undefined, history: [event] }), { touch: false })
}

/** 배정: derives a brief from the case file and saves it; returns the brief. `volunteerName` is for the history. */
export async function assignVolunteer(caseId: string, input: AssignmentInput, by?: Assigner, volunteerName?: string): Promise<Brief> {
  const who = await assigner(by)
  const { cf } = await loadCase(caseId)
  requireWritable(cf, who.team)
  const brief = briefFromCase(sourceOf(cf, who.team), input, { id: newId(), assignedBy: who.id, assignedAt: nowInstant() })
  await saveBrief(brief)
  await recordInHistory(caseId, {
    at: brief.assignedAt, kind: 'volunteerAssigned', to: volunteerName ?? brief.volunteerId, note: labelOf('checkInSchedule', brief.schedule),
  })
  return brief
}

async function loadBrief(briefId: string): Promise<Brief> {
  const read = readBrief(await openDoc(briefDocName(briefId)))
  if (!read?.ok) refuse('', BRIEF_MESSAGES.notFound)
  return read.value
}

export interface AssignmentEdit {
  schedule?: CheckInSchedule
  watchFor?: string
  centerContact?: string
}

/** 수정: the schedule, 살펴볼 점 and contact; the head's name, address and phone are taken again from the case file. */
export async function updateAssignment(briefId: string, patch: AssignmentEdit, by?: Assigner): Promise<Brief> {
  const who = await assigner(by)
  const current = await loadBrief(briefId)
  if (current.endedAt) refuse('', BRIEF_MESSAGES.ended)
  const { cf } = await loadCase(current.caseId)
  requireWritable(cf, who.team)
  const input: AssignmentInput = {
    volunteerId: current.volunteerId,
    schedule: patch.schedule ?? current.schedule,
    watchFor: patch.watchFor ?? current.watchFor,
    centerContact: patch.centerContact ?? current.centerContact,
  }
  const brief = briefFromCase(sourceOf(cf, current.teamId), input, { id: current.id, assignedBy: current.assignedBy, assignedAt: current.assignedAt })
  await saveBrief(brief)
  return brief
}

/** 배정 종료: stamps endedAt; the volunteer's phone is told to remove the brief. */
export async function endAssignment(briefId: string, by?: Assigner, volunteerName?: string): Promise<Brief> {
  await assigner(by)
  const current = await loadBrief(briefId)
  if (current.endedAt) return current
  const brief: Brief = { ...current, endedAt: nowInstant() }
  await saveBrief(brief)
  // The case may be gone from this device or read-only by now: the brief has ended either way.
  await recordInHistory(brief.caseId, { at: brief.endedAt!, kind: 'volunteerEnded', from: volunteerName ?? brief.volunteerId }).catch(() => undefined)
  return brief
}
