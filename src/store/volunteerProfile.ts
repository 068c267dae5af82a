// The volunteer's own facts on this device: which kind of volunteer they are (이웃살피미, 복지통장,
// 동 복지위원, 기타 자원봉사자), chosen once and written into every report; and which of their reports
// have not reached the relay yet (전송 대기).
import { VolunteerKindSchema } from '../domain'
import type { VolunteerKind } from '../domain'
import { getDb } from './db'
import { packedAmong } from './packs'
import { getSealedMeta, setSealedMeta } from './storageMeta'

const KIND_KEY = 'volunteerKind'
const listeners = new Set<() => void>()

/** The kind chosen on this device (per user database), or undefined before the first choice. */
export async function getVolunteerKind(): Promise<VolunteerKind | undefined> {
  const stored = await getSealedMeta<unknown>(KIND_KEY)
  const parsed = VolunteerKindSchema.safeParse(stored)
  return parsed.success ? parsed.data : undefined
}

export async function setVolunteerKind(kind: VolunteerKind): Promise<void> {
  await setSealedMeta(KIND_KEY, VolunteerKindSchema.parse(kind))
  for (const l of [...listeners]) l()
}

/** Calls `listener` after this tab changed the kind. */
export function onVolunteerKindChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export interface ReportSendState {
  /** Not yet acknowledged by the relay. */
  pending: boolean
  /** The relay refused a change of it. */
  rejected: boolean
}

/** Per document name: whether the relay has it yet. Names the device does not hold are left out. */
export async function reportSendStates(names: readonly string[]): Promise<Map<string, ReportSendState>> {
  const db = getDb()
  const rows = await db.docs.bulkGet([...names])
  // Held only in a pack (as the relay sent it, never changed here): nothing pending, nothing refused.
  const packed = await packedAmong(db, names.filter((_, i) => !rows[i]))
  const out = new Map<string, ReportSendState>()
  rows.forEach((row, i) => {
    const name = names[i] as string
    if (row) out.set(name, { pending: row.hasPending === 1, rejected: row.rejectedCount > 0 })
    else if (packed.has(name)) out.set(name, { pending: false, rejected: false })
  })
  return out
}
