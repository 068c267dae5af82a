// Volunteer documents on the relay (issue 10; docs/CONTRACTS.md, "Volunteers").
// - Who wrote what: a report is written by one volunteer of the team (its `by` and `teamId` are theirs);
//   only the team's workers and supervisors write its `handling` (확인, 접수, 연결); a brief names a volunteer
//   of the team that owns it, and only workers and supervisors write briefs (access.ts CREATABLE).
// - Routing: a brief's volunteer gets read-only access (`vol:<id>`) while the brief is active; ending it or
//   naming someone else withdraws that access and the brief leaves the old volunteer's phone.
import * as Y from 'yjs'
import { docKind } from '../src/sync/protocol'
import { plainOf, readBrief, readReport } from '../src/store/volunteerDocs'
import { isVolunteerAudience, volunteerAudience } from './access'
import type { Principal } from './access'
import type { RelayCore } from './core'
import type { RelayStorage } from './storage/types'

export const VOLUNTEER_MESSAGES = {
  notYours: '다른 사람의 이름으로 보고를 저장할 수 없습니다.',
  handling: '담당자의 확인·접수 기록은 봉사자 기기에서 바꿀 수 없습니다.',
  volunteer: '지정한 봉사자가 이 팀의 봉사자가 아닙니다.',
} as const

function docOf(state: Uint8Array | null, update?: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  if (state) Y.applyUpdate(doc, state)
  if (update) Y.applyUpdate(doc, update)
  return doc
}

/**
 * Checks an update (already content-valid) against who sends it; `before` is the stored state, `ownerTeam`
 * the owning team (the sender's own for a new document). Returns a Korean refusal, or null when allowed.
 */
export function authorshipProblem(
  storage: Pick<RelayStorage, 'userById'>, user: Principal, name: string, ownerTeam: string,
  before: Uint8Array | null, update: Uint8Array,
): string | null {
  const kind = docKind(name)
  if (kind !== 'brief' && kind !== 'report') return null
  const old = docOf(before)
  const after = docOf(before, update)
  try {
    if (kind === 'report') {
      if (user.role === 'volunteer' && JSON.stringify(plainOf(old, 'handling')) !== JSON.stringify(plainOf(after, 'handling'))) {
        return VOLUNTEER_MESSAGES.handling
      }
      const report = readReport(after)
      const was = readReport(old)
      const changedReport = JSON.stringify(plainOf(old, 'report')) !== JSON.stringify(plainOf(after, 'report'))
      if (report?.ok && changedReport) {
        // The report part is the volunteer's own, in their own name and team.
        if (user.role === 'volunteer' && (report.value.by !== user.id || report.value.teamId !== ownerTeam)) return VOLUNTEER_MESSAGES.notYours
        if (user.role !== 'volunteer' && was?.ok && was.value.by !== user.id) return VOLUNTEER_MESSAGES.notYours
      }
      return null
    }
    const brief = readBrief(after)
    if (!brief?.ok) return null
    const volunteer = storage.userById(brief.value.volunteerId)
    if (!volunteer || volunteer.role !== 'volunteer' || volunteer.team !== ownerTeam || brief.value.teamId !== ownerTeam) {
      return VOLUNTEER_MESSAGES.volunteer
    }
    return null
  } finally {
    old.destroy()
    after.destroy()
  }
}

/** The volunteer audience a brief's stored state should have: its volunteer's while active, none once ended. */
export function briefAudience(state: Uint8Array | null): string | null {
  const doc = docOf(state)
  try {
    const brief = readBrief(doc)
    return brief?.ok && !brief.value.endedAt ? volunteerAudience(brief.value.volunteerId) : null
  } finally {
    doc.destroy()
  }
}

/** After briefs were stored: grant or withdraw volunteers' read access to match their content, live. */
export function routeBriefs(core: RelayCore, byUser: string, names: Iterable<string>): void {
  for (const name of new Set(names)) {
    if (docKind(name) !== 'brief') continue
    const access = core.storage.docAccess(name)
    if (!access) continue
    const state = core.storage.mergedState(name)
    const want = briefAudience(state)
    const at = Date.now()
    for (const audience of access.teams.keys()) {
      if (!isVolunteerAudience(audience) || audience === want) continue
      core.storage.unshareDoc(name, audience, byUser, at)
      core.hub.revokeTeam(name, audience)
      core.log(`brief access withdrawn seq=${core.storage.headSeq()}`)
    }
    if (want && !access.teams.has(want)) {
      const change = core.storage.grantDoc(name, want, 'read', byUser, at, 'assignment')
      const after = core.storage.docAccess(name)
      if (after && state) core.hub.grantTeam(name, want, state, change.seq, after)
    }
  }
}
