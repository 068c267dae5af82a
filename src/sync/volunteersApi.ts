// GET /api/volunteers: the volunteer accounts of the signed-in worker's team (이웃살피미 배정 picker).
// Ids and usernames only. Online only; the store keeps the last answer (store/teamVolunteers.ts).
import { ACCESS_MESSAGES, RelayAccessError } from './accessApi'

export interface VolunteerInfo {
  id: string
  username: string
}

export async function fetchVolunteers(token: string | null, fetchImpl: typeof fetch = fetch): Promise<VolunteerInfo[]> {
  if (!token) throw new RelayAccessError(ACCESS_MESSAGES.login, 401)
  if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new RelayAccessError(ACCESS_MESSAGES.offline, 0)
  let res: Response
  try {
    res = await fetchImpl('/api/volunteers', { method: 'GET', headers: { authorization: `Bearer ${token}` } })
  } catch {
    throw new RelayAccessError(ACCESS_MESSAGES.offline, 0)
  }
  const body = (await res.json().catch(() => null)) as { volunteers?: unknown; error?: unknown } | null
  if (res.status === 401) throw new RelayAccessError(ACCESS_MESSAGES.login, 401)
  if (!res.ok) throw new RelayAccessError(typeof body?.error === 'string' ? body.error : ACCESS_MESSAGES.failed, res.status)
  const list = Array.isArray(body?.volunteers) ? (body.volunteers as unknown[]) : []
  return list
    .filter((v): v is VolunteerInfo => typeof (v as VolunteerInfo)?.id === 'string' && typeof (v as VolunteerInfo)?.username === 'string')
    .map((v) => ({ id: v.id, username: v.username }))
}
