// Who may read, write, share and transfer which document. Pure rules over the user and the doc's access rows.
// Interim volunteer rule (until the volunteer issue): volunteers are refused every case file and see
// only briefs/reports owned by or shared with their own team; they may create reports, not briefs.
import { docKind } from '../src/sync/protocol'
import type { DocKind } from '../src/sync/protocol'
import type { AccessKind, DocAccess, Role } from './storage/types'

export interface Principal {
  id: string
  role: Role
  team: string
}

const READABLE: Record<Role, DocKind[]> = {
  worker: ['case', 'brief', 'report'],
  supervisor: ['case', 'brief', 'report'],
  volunteer: ['brief', 'report'],
  admin: [], // administrators manage accounts, not case contents
}
const CREATABLE: Record<Role, DocKind[]> = {
  worker: ['case', 'brief', 'report'],
  supervisor: ['case', 'brief', 'report'],
  volunteer: ['report'],
  admin: [],
}

export function readableKinds(role: Role): DocKind[] {
  return READABLE[role]
}

export function canRead(user: Principal, name: string, access: DocAccess | null): boolean {
  const kind = docKind(name)
  if (!kind || !access || !READABLE[user.role].includes(kind)) return false
  return access.teams.has(user.team)
}

/** 열람 공유 and a referral not yet accepted: the team reads the document but may not change it. */
const READ_ONLY: ReadonlySet<AccessKind> = new Set(['read', 'referral'])

/** Writing a document that does not exist yet creates it, owned by the writer's team. */
export function canWrite(user: Principal, name: string, access: DocAccess | null): boolean {
  const kind = docKind(name)
  if (!kind) return false
  if (!access) return CREATABLE[user.role].includes(kind)
  return canRead(user, name, access) && !READ_ONLY.has(access.kinds?.get(user.team) ?? 'share')
}

/** Referral (share) and transfer: a worker or supervisor of the owning team. */
export function canChangeAccess(user: Principal, access: DocAccess): boolean {
  return (user.role === 'worker' || user.role === 'supervisor') && access.ownerTeam === user.team
}

/** Accepting a referral: a worker or supervisor of the team it waits at. */
export function canAcceptReferral(user: Principal, access: DocAccess): boolean {
  return (user.role === 'worker' || user.role === 'supervisor') && access.kinds?.get(user.team) === 'referral'
}
