// The relay's access API as the app calls it (issue 9, "Between teams"): the teams to refer to, and
// 의뢰, 의뢰 수락, 열람 공유, 공유 해제. Online only: without a connection nothing is sent and the caller gets
// a Korean message to show; a refusal carries the relay's Korean reason (sync-server/referral.ts).
export interface TeamInfo {
  id: string
  name: string
}

export type AccessPath = '/api/refer' | '/api/accept' | '/api/share-read' | '/api/unshare'

export class RelayAccessError extends Error {
  override name = 'RelayAccessError'
  /** HTTP status of a refusal, 0 when the relay could not be reached. */
  constructor(message: string, readonly status: number) {
    super(message)
  }
}

export const ACCESS_MESSAGES = {
  offline: '서버에 연결되어 있을 때만 할 수 있습니다. 연결된 뒤 다시 시도하세요.',
  login: '로그인이 필요합니다. 다시 로그인한 뒤 시도하세요.',
  failed: '서버에서 처리하지 못했습니다. 잠시 후 다시 시도하세요.',
} as const

const offline = () => new RelayAccessError(ACCESS_MESSAGES.offline, 0)

async function call(token: string | null, path: string, init: RequestInit, fetchImpl: typeof fetch): Promise<unknown> {
  if (!token) throw new RelayAccessError(ACCESS_MESSAGES.login, 401)
  if (typeof navigator !== 'undefined' && navigator.onLine === false) throw offline()
  let res: Response
  try {
    res = await fetchImpl(path, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } })
  } catch {
    throw offline()
  }
  const body = (await res.json().catch(() => null)) as { error?: unknown } | null
  if (res.ok) return body
  if (res.status === 401) throw new RelayAccessError(ACCESS_MESSAGES.login, 401)
  throw new RelayAccessError(typeof body?.error === 'string' ? body.error : ACCESS_MESSAGES.failed, res.status)
}

/** GET /api/teams: every team of the organisation (ids and names, no personal data). */
export async function fetchTeams(token: string | null, fetchImpl: typeof fetch = fetch): Promise<TeamInfo[]> {
  const body = (await call(token, '/api/teams', { method: 'GET' }, fetchImpl)) as { teams?: unknown } | null
  const teams = Array.isArray(body?.teams) ? body.teams : []
  return teams.filter((t): t is TeamInfo => typeof t?.id === 'string' && typeof t?.name === 'string')
}

/** One access change; resolves once the relay has made it. */
export async function postAccess(
  token: string | null, path: AccessPath, body: { name: string; team?: string; legalBasis?: string }, fetchImpl: typeof fetch = fetch,
): Promise<void> {
  await call(token, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, fetchImpl)
}
