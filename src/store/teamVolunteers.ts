// The team's volunteers for the assignment picker: asked of the relay when online, the last answer kept
// sealed on the device so 이웃살피미 배정 works offline with the last known list.
import { RelayAccessError } from '../sync/accessApi'
import { fetchVolunteers } from '../sync/volunteersApi'
import type { VolunteerInfo } from '../sync/volunteersApi'
import { getSealedMeta, setSealedMeta } from './storageMeta'

export type { VolunteerInfo }

const KEY = 'teamVolunteers'

export interface TeamVolunteers {
  volunteers: VolunteerInfo[]
  /** When the list was last fetched from the relay (ISO); absent when never. */
  fetchedAt?: string
  /** True when this is the kept list because the relay could not be asked now. */
  stale: boolean
}

/** The last list kept on this device (empty when never fetched). */
export async function cachedTeamVolunteers(): Promise<{ volunteers: VolunteerInfo[]; fetchedAt?: string }> {
  const kept = await getSealedMeta<{ volunteers?: unknown; fetchedAt?: unknown }>(KEY)
  const volunteers = Array.isArray(kept?.volunteers)
    ? (kept.volunteers as unknown[]).filter((v): v is VolunteerInfo => typeof (v as VolunteerInfo)?.id === 'string' && typeof (v as VolunteerInfo)?.username === 'string')
    : []
  return typeof kept?.fetchedAt === 'string' ? { volunteers, fetchedAt: kept.fetchedAt } : { volunteers }
}

/** Asks the relay and keeps the answer; without a connection (or on a refusal) returns the kept list. */
export async function loadTeamVolunteers(token: string | null, fetchImpl: typeof fetch = fetch): Promise<TeamVolunteers> {
  try {
    const volunteers = await fetchVolunteers(token, fetchImpl)
    const fetchedAt = new Date().toISOString()
    await setSealedMeta(KEY, { volunteers, fetchedAt })
    return { volunteers, fetchedAt, stale: false }
  } catch (err) {
    if (!(err instanceof RelayAccessError)) throw err
    return { ...(await cachedTeamVolunteers()), stale: true }
  }
}
