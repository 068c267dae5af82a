// JSON API: login, logout, password change, current user, teams, access between teams (share, transfer,
// refer, share-read, unshare, accept), case deletion, health.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Principal } from './access'
import { hashToken, MUST_CHANGE } from './auth'
import { LegalBasisSchema } from '../src/domain'
import type { LegalBasis } from '../src/domain'
import { changeAccess } from './core'
import { deleteCase } from './caseDeletion'
import type { AccessChangeResult, RelayCore } from './core'
import { acceptReferral, grantAccess, unshare } from './referral'
import type { UserRecord } from './storage/types'

const MAX_BODY_BYTES = 64 * 1024

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(text)
}

/** Credentials come as JSON only: a form post from another site (text/plain, urlencoded) gets 415. */
function requireJson(req: IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json') throw new HttpError(415, '요청 본문은 application/json이어야 합니다.')
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

/** `legalBasis` (issue 9): absent, or a basis the relay knows (사회보장급여법 제15조: 'ssa-15'). */
function legalBasisField(body: Record<string, unknown>): LegalBasis | undefined {
  const v = body.legalBasis
  if (v === undefined) return undefined
  const parsed = LegalBasisSchema.safeParse(v)
  if (!parsed.success) throw new HttpError(400, '법적 근거 값이 올바르지 않습니다.')
  return parsed.data
}

function accessAnswer(res: ServerResponse, result: AccessChangeResult): void {
  if (!result.ok) return json(res, result.status, { error: result.error })
  const c = result.change
  return json(res, 200, {
    ok: true, name: c.name, kind: c.kind, from: c.fromTeam, to: c.toTeam, at: new Date(c.at).toISOString(), seq: c.seq,
    ...(c.basis ? { basis: c.basis } : {}),
  })
}

const wireUser = (u: UserRecord) => ({ id: u.id, username: u.username, role: u.role, team: u.team })

const bearerToken = (req: IncomingMessage): string => {
  const header = req.headers.authorization ?? ''
  return header.startsWith('Bearer ') ? header.slice(7).trim() : ''
}

class MustChangeError extends HttpError {
  constructor() {
    super(403, MUST_CHANGE)
  }
}

/** The token's user; `allowMustChange` only for POST /api/password (a temporary password's token). */
function bearerUser(core: RelayCore, req: IncomingMessage, allowMustChange = false): UserRecord {
  const user = core.auth.userForToken(bearerToken(req))
  if (!user) throw new HttpError(401, '로그인이 필요합니다.')
  if (user.mustChangePassword && !allowMustChange) throw new MustChangeError()
  return user
}

export async function handleApi(core: RelayCore, req: IncomingMessage, res: ServerResponse, pathname: string, ip: string): Promise<void> {
  try {
    const route = `${req.method} ${pathname}`
    switch (route) {
      case 'GET /api/health':
        return json(res, 200, { ok: true })
      case 'POST /api/login': {
        requireJson(req)
        const wait = core.auth.loginLimiter.take(ip)
        if (wait > 0) {
          core.auditor.record('-', ip, '', 'login-locked', Date.now(), 'limit=ip')
          return json(res, 429, { error: `로그인 시도가 너무 많습니다. ${wait}초 뒤에 다시 시도하세요.` }, { 'Retry-After': String(wait) })
        }
        const body = await readJson(req)
        const username = stringField(body, 'username', 100)
        const password = stringField(body, 'password', 1000)
        const deviceId = optionalString(body, 'deviceId', 100)
        const result = await core.auth.login(username, password, Date.now(), deviceId)
        if (result.ok) core.auth.loginLimiter.refund(ip)
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
        const must = result.mustChangePassword ? { mustChangePassword: true } : {}
        return json(res, 200, { token: result.token, user: wireUser(result.user), ...must })
      }
      case 'POST /api/logout': {
        const token = bearerToken(req)
        const user = core.auth.userForToken(token)
        if (!user || !core.auth.logout(token)) return json(res, 401, { error: '로그인이 필요합니다.' })
        core.auditor.record(user.id, ip, '', 'revoked', Date.now(), 'logout')
        return json(res, 200, { ok: true })
      }
      case 'POST /api/password': {
        const user = bearerUser(core, req, true)
        requireJson(req)
        const body = await readJson(req)
        const current = stringField(body, 'current', 1000)
        const next = stringField(body, 'next', 1000)
        const result = await core.auth.changePassword(hashToken(bearerToken(req)), user, current, next)
        if (!result.ok) {
          // A wrong current password counts as a failed login (Auth.changePassword); so is it recorded.
          if (result.status !== 400) core.auditor.record(user.id, ip, '', result.status === 429 ? 'login-locked' : 'login-failed', Date.now(), 'password-change')
          return json(res, result.status, { ...result, ok: undefined, status: undefined })
        }
        core.storage.appendAdminLog({ by: `user:${user.id}`, action: 'password-change', target: user.id, detail: 'self' }, Date.now())
        return json(res, 200, { ok: true })
      }
      case 'GET /api/me':
        return json(res, 200, { user: wireUser(bearerUser(core, req)) })
      case 'GET /api/teams':
        bearerUser(core, req)
        return json(res, 200, { teams: core.storage.listTeams() })
      case 'GET /api/volunteers': {
        // The assignment picker (이웃살피미 배정): the caller's team's volunteer accounts, ids and usernames only.
        const u = bearerUser(core, req)
        if (u.role !== 'worker' && u.role !== 'supervisor') return json(res, 403, { error: '담당자와 팀장만 봉사자 목록을 볼 수 있습니다.' })
        const volunteers = core.storage.listUsers()
          .filter((v) => v.role === 'volunteer' && v.team === u.team && !v.disabled)
          .map((v) => ({ id: v.id, username: v.username }))
          .sort((a, b) => a.username.localeCompare(b.username))
        return json(res, 200, { volunteers })
      }
      case 'POST /api/share':
      case 'POST /api/transfer': {
        const u = bearerUser(core, req)
        const body = await readJson(req)
        const principal: Principal = { id: u.id, role: u.role, team: u.team }
        const kind = pathname === '/api/share' ? 'share' : 'transfer'
        const result = changeAccess(core, principal, ip, kind, stringField(body, 'name'), stringField(body, 'team', 100), legalBasisField(body))
        return accessAnswer(res, result)
      }
      case 'POST /api/refer':
      case 'POST /api/share-read':
      case 'POST /api/unshare':
      case 'POST /api/accept': {
        const u = bearerUser(core, req)
        requireJson(req)
        const body = await readJson(req)
        const principal: Principal = { id: u.id, role: u.role, team: u.team }
        const name = stringField(body, 'name')
        if (pathname === '/api/accept') return accessAnswer(res, acceptReferral(core, principal, ip, name))
        const team = stringField(body, 'team', 100)
        if (pathname === '/api/unshare') return accessAnswer(res, unshare(core, principal, ip, name, team))
        const kind = pathname === '/api/refer' ? 'refer' : 'share-read'
        return accessAnswer(res, grantAccess(core, principal, ip, kind, name, team, legalBasisField(body)))
      }
      case 'POST /api/delete': {
        const u = bearerUser(core, req)
        requireJson(req)
        const body = await readJson(req)
        const result = deleteCase(core, { id: u.id, role: u.role, team: u.team }, ip, stringField(body, 'name'), optionalString(body, 'reason', 2000))
        return result.ok ? json(res, 200, { ok: true, name: result.name }) : json(res, result.status, { error: result.error })
      }
      default:
        return json(res, 404, { error: '없는 API입니다.' })
    }
  } catch (err) {
    if (err instanceof MustChangeError) return json(res, err.status, { error: err.message, code: 'must-change-password' })
    if (err instanceof HttpError) return json(res, err.status, { error: err.message })
    core.log(`api error: ${(err as Error).name}`)
    return json(res, 500, { error: '서버 오류입니다.' })
  }
}
