// JSON API: login, current user, teams, referral (share) and transfer, health.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Principal } from './access'
import { changeAccess } from './core'
import type { RelayCore } from './core'
import type { UserRecord } from './storage/types'

const MAX_BODY_BYTES = 64 * 1024

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new HttpError(413, '요청이 너무 큽니다.')
    chunks.push(chunk)
  }
  let body: unknown
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new HttpError(400, '요청 형식이 올바르지 않습니다.')
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, '요청 형식이 올바르지 않습니다.')
  return body as Record<string, unknown>
}

function stringField(body: Record<string, unknown>, key: string, max = 300): string {
  const v = body[key]
  if (typeof v !== 'string' || v.length === 0 || v.length > max) throw new HttpError(400, `${key} 값이 올바르지 않습니다.`)
  return v
}

/** An optional string field: absent → '', present but not a 1..max-character string → 400. */
function optionalString(body: Record<string, unknown>, key: string, max: number): string {
  return body[key] === undefined ? '' : stringField(body, key, max)
}

const wireUser = (u: UserRecord) => ({ id: u.id, username: u.username, role: u.role, team: u.team })

function bearerUser(core: RelayCore, req: IncomingMessage): UserRecord {
  const header = req.headers.authorization ?? ''
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : ''
  const user = core.auth.userForToken(token)
  if (!user) throw new HttpError(401, '로그인이 필요합니다.')
  return user
}

export async function handleApi(core: RelayCore, req: IncomingMessage, res: ServerResponse, pathname: string, ip: string): Promise<void> {
  try {
    const route = `${req.method} ${pathname}`
    switch (route) {
      case 'GET /api/health':
        return json(res, 200, { ok: true })
      case 'POST /api/login': {
        const body = await readJson(req)
        const username = stringField(body, 'username', 100)
        const password = stringField(body, 'password', 1000)
        const deviceId = optionalString(body, 'deviceId', 100)
        const result = await core.auth.login(username, password, Date.now(), deviceId)
        if (!result.ok && result.status === 403) {
          // A revoked device: the device wipes this user's data when it sees this code.
          core.auditor.record(result.userId, ip, '', 'login-revoked-device')
          return json(res, 403, { error: result.error, code: result.code })
        }
        if (!result.ok) {
          const user = core.storage.userByName(username)
          core.auditor.record(user?.id ?? '-', ip, '', result.status === 429 ? 'login-locked' : 'login-failed')
          return json(res, result.status, { error: result.error })
        }
        core.auditor.record(result.user.id, ip, '', 'login')
        return json(res, 200, { token: result.token, user: wireUser(result.user) })
      }
      case 'GET /api/me':
        return json(res, 200, { user: wireUser(bearerUser(core, req)) })
      case 'GET /api/teams':
        bearerUser(core, req)
        return json(res, 200, { teams: core.storage.listTeams() })
      case 'POST /api/share':
      case 'POST /api/transfer': {
        const u = bearerUser(core, req)
        const body = await readJson(req)
        const principal: Principal = { id: u.id, role: u.role, team: u.team }
        const kind = pathname === '/api/share' ? 'share' : 'transfer'
        const result = changeAccess(core, principal, ip, kind, stringField(body, 'name'), stringField(body, 'team', 100))
        if (!result.ok) return json(res, result.status, { error: result.error })
        const c = result.change
        return json(res, 200, { ok: true, name: c.name, kind: c.kind, from: c.fromTeam, to: c.toTeam, at: new Date(c.at).toISOString(), seq: c.seq })
      }
      default:
        return json(res, 404, { error: '없는 API입니다.' })
    }
  } catch (err) {
    if (err instanceof HttpError) return json(res, err.status, { error: err.message })
    core.log(`api error: ${(err as Error).name}`)
    return json(res, 500, { error: '서버 오류입니다.' })
  }
}
