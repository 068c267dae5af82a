// Who may read, write, share and transfer which document. Pure rules over the user and the doc's access rows.
// An access row names an audience: a team (its workers and supervisors), or one volunteer (`vol:<user id>`).
// A volunteer never reads a case file or the team's documents, only the briefs assigned to them (granted
// read-only from the brief's content, volunteerAccess.ts) and the reports they wrote (사회보장급여법 제15조④).
import { teamDocName } from '../src/store/teamDoc'
import { docKind } from '../src/sync/protocol'
import type { DocKind } from '../src/sync/protocol'
import type { AccessKind, DocAccess, Role } from './storage/types'

export interface Principal {
  id: string
  role: Role
  team: string
}

const READABLE: Record<Role, DocKind[]> = {
  worker: ['case', 'brief', 'report', 'team'],
  supervisor: ['case', 'brief', 'report', 'team'],
  volunteer: ['brief', 'report'],
  admin: [], // administrators manage accounts, not case contents
}
const CREATABLE: Record<Role, DocKind[]> = {
  worker: ['case', 'brief', 'report', 'team'],
  supervisor: ['case', 'brief', 'report', 'team'],
  volunteer: ['report'],
  admin: [],
}

export const volunteerAudience = (userId: string): string => `vol:${userId}`
export const isVolunteerAudience = (audience: string): boolean => audience.startsWith('vol:')

/** The access rows a user reads through: their team's, or a volunteer's own. */
export function audienceOf(user: Principal): string {
  return user.role === 'volunteer' ? volunteerAudience(user.id) : user.team
}

export function readableKinds(role: Role): DocKind[] {
  return READABLE[role]
}

export function canRead(user: Principal, name: string, access: DocAccess | null): boolean {
  const kind = docKind(name)
  if (!kind || !access || !READABLE[user.role].includes(kind)) return false
  return access.teams.has(audienceOf(user))
}

/** 열람 공유 and a referral not yet accepted: the team reads the document but may not change it. */
const READ_ONLY: ReadonlySet<AccessKind> = new Set(['read', 'referral'])

/** Writing a document that does not exist yet creates it, owned by the writer's team. */
export function canWrite(user: Principal, name: string, access: DocAccess | null): boolean {
  const kind = docKind(name)
  if (!kind) return false
  // A team's shared document may only be created by that team: its name is derived from the team id.
  if (!access) return CREATABLE[user.role].includes(kind) && (kind !== 'team' || name === teamDocName(user.team))
  return canRead(user, name, access) && !READ_ONLY.has(access.kinds?.get(audienceOf(user)) ?? 'share')
}

/** Referral (share) and transfer: a worker or supervisor of the owning team. */
export function canChangeAccess(user: Principal, access: DocAccess): boolean {
  return (user.role === 'worker' || user.role === 'supervisor') && access.ownerTeam === user.team
}

/** Accepting a referral: a worker or supervisor of the team it waits at. */
export function canAcceptReferral(user: Principal, access: DocAccess): boolean {
  return (user.role === 'worker' || user.role === 'supervisor') && access.kinds?.get(user.team) === 'referral'
}
