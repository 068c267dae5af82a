// The device endpoint (/sync): Hello → Welcome → change feed in pages → FeedDone, then pushes with a
// per-update Ack, state-vector sync, and live updates from other devices. Bad input never crashes it.
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import {
  ErrorCode, MIN_PROTOCOL_VERSION, SUMMARY_PROTOCOL_VERSION, MsgType, PROTOCOL_VERSION, WIPE_PROTOCOL_VERSION, decodeMessage, isDocName,
} from '../src/sync/protocol'
import type { Docs, DocUpdate, ErrorCodeValue, Hello, Message, Push, SvSync, WireUser } from '../src/sync/protocol'
import { audienceOf, canRead, readableKinds } from './access'
import type { Principal } from './access'
import type { RelayCore } from './core'
import { FEED_PAGE_BYTES, FeedPager, cursorAfter, planFeed } from './feedPlan'
import { splitUpdate } from './feedPieces'
import type { Subscriber } from './hub'
import { sendNow, sendPaced } from './send'
import { MUST_CHANGE } from './auth'
import type { OpenSession, SessionEnd } from './sessions'
import { CLOSE_RATE, LIMIT_TEXT, limitsFor } from './limits'
import { storeWithinLimits } from './pushLimits'

const HELLO_TIMEOUT_MS = 15_000
/** Close code after Wipe: the device must not reconnect with this token. */
const CLOSE_WIPE = 4410
const MAX_BAD_FRAMES = 5
/** Refusals for rate in a row before the session ends (the device reconnects later with backoff). */
const MAX_RATE_REFUSALS = 20

const TEXT = {
  version: '앱이 오래된 버전이라 동기화할 수 없습니다. 앱을 업데이트하세요. 기기에 저장된 자료는 그대로 남아 있습니다.',
  unauthorized: '로그인이 만료되었습니다. 다시 로그인하세요. 기기의 변경 내용은 그대로 남아 있습니다.',
  badMessage: '알 수 없는 형식의 메시지입니다.',
  tooManyBad: '잘못된 메시지가 반복되어 연결을 끊습니다.',
  helloFirst: '연결 후 첫 메시지는 Hello여야 합니다.',
  server: '서버 오류로 동기화를 마치지 못했습니다. 잠시 후 다시 시도합니다.',
} as const

export function handleDeviceSocket(ws: WebSocket, ip: string, core: RelayCore): void {
  let user: Principal | null = null
  let deviceId = ''
  let badFrames = 0
  let sub: Subscriber | null = null
  let ended = false
  let unregister: (() => void) | null = null
  let session: OpenSession | null = null
  let protocolVersion = 0
  const limits = limitsFor(core.storage)
  const syncBucket = limits.sessionBucket('sync')
  let rateRefusals = 0
  let releaseSlot: (() => void) | null = null
  const delayed = new Set<ReturnType<typeof setTimeout>>()
  const helloTimer = setTimeout(() => fatal(ErrorCode.Unauthorized, TEXT.helloFirst, 4401), HELLO_TIMEOUT_MS)

  function fatal(code: ErrorCodeValue, message: string, closeCode: number): void {
    ended = true
    sendNow(ws, { type: MsgType.Error, code, message, fatal: true })
    ws.close(closeCode, code)
  }

  /** An admin revoked this token or device: tell the device to wipe the user's data, then close. */
  function wipe(userId: string, protocolVersion: number): void {
    // A device too old to understand Wipe keeps its data but can no longer sync.
    if (protocolVersion < WIPE_PROTOCOL_VERSION) return fatal(ErrorCode.Unauthorized, TEXT.unauthorized, 4401)
    ended = true
    core.auditor.record(userId, ip, '', 'wipe-sent')
    if (deviceId) core.storage.markWipeSent(userId, deviceId, Date.now())
    sendNow(ws, { type: MsgType.Wipe })
    ws.close(CLOSE_WIPE, 'wipe')
  }

  function badFrame(): void {
    badFrames++
    if (badFrames >= MAX_BAD_FRAMES) fatal(ErrorCode.BadMessage, TEXT.tooManyBad, 4400)
    else sendNow(ws, { type: MsgType.Error, code: ErrorCode.BadMessage, message: TEXT.badMessage, fatal: false })
  }

  ws.on('message', (data, isBinary) => {
    let msg: Message
    try {
      if (!isBinary) throw new Error('text frame')
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
      msg = decodeMessage(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength))
    } catch {
      badFrame()
      return
    }
    if (ended) return // revoked or refused: nothing more is read from this socket
    try {
      dispatch(msg)
    } catch (err) {
      core.log(`sync session error: ${(err as Error).name}`)
      sendNow(ws, { type: MsgType.Error, code: ErrorCode.Server, message: TEXT.server, fatal: false })
    }
  })
  ws.on('close', () => {
    clearTimeout(helloTimer)
    for (const t of delayed) clearTimeout(t)
    releaseSlot?.()
    unregister?.()
    if (sub) core.hub.remove(sub)
  })
  ws.on('error', () => ws.terminate())

  function dispatch(msg: Message): void {
    if (!user) {
      if (msg.type !== MsgType.Hello) return fatal(ErrorCode.Unauthorized, TEXT.helloFirst, 4401)
      return hello(msg)
    }
    switch (msg.type) {
      case MsgType.Push: {
        const u = user
        if (!stillAuthorised() || overRate(u, () => sendNow(ws, { type: MsgType.Ack, batchId: msg.batchId, results: [] }))) return
        return push(u, msg)
      }
      case MsgType.SvSync: {
        const u = user
        if (!stillAuthorised() || overRate(u, () => sendNow(ws, { type: MsgType.Diff, requestId: msg.requestId, items: [] }))) return
        return svSync(u, msg)
      }
      case MsgType.Ping: return sendNow(ws, { type: MsgType.Pong, t: msg.t })
      case MsgType.Pong: return
      default: return badFrame()
    }
  }

  /**
   * Pushes and state-vector requests beyond the session's, the account's or the address's rate are not
   * processed: the device is told why (non-fatal) and, once it may retry, gets an empty answer, which
   * leaves its rows pending so it sends them again. Too many refusals in a row end the session.
   */
  function overRate(u: Principal, answerEmpty: () => void): boolean {
    const wait = limits.take('sync', syncBucket, u.id, ip)
    if (wait === 0) {
      rateRefusals = 0
      return false
    }
    core.auditor.record(u.id, ip, '', 'refused', Date.now(), 'limit=rate')
    if (++rateRefusals > MAX_RATE_REFUSALS) {
      fatal(ErrorCode.Server, LIMIT_TEXT.rate(wait), CLOSE_RATE)
      return true
    }
    sendNow(ws, { type: MsgType.Error, code: ErrorCode.Server, message: LIMIT_TEXT.rate(wait), fatal: false })
    const t = setTimeout(() => {
      delayed.delete(t)
      if (!ended) answerEmpty()
    }, wait * 1000)
    delayed.add(t)
    return true
  }

  /**
   * Expiry, idle time, revocation and a disabled account are checked on every batch, not only at Hello
   * (a token may run out, or be revoked by another process, between two polls of accessWatch).
   */
  function stillAuthorised(): boolean {
    if (!session) return false
    const now = Date.now()
    const check = core.auth.checkHash(session.tokenHash, deviceId, now)
    if (check.kind === 'ok' && !check.user.mustChangePassword) {
      core.auth.touch(session.tokenHash, now)
      session.idleUntil = core.auth.idleUntil(now)
      return true
    }
    unregister?.()
    if (check.kind === 'wipe') wipe(check.userId, protocolVersion)
    else fatal(ErrorCode.Unauthorized, TEXT.unauthorized, 4401)
    return false
  }

  function hello(msg: Hello): void {
    clearTimeout(helloTimer)
    if (msg.protocolVersion < MIN_PROTOCOL_VERSION) return fatal(ErrorCode.Version, TEXT.version, 4426)
    deviceId = msg.deviceId.slice(0, 100)
    protocolVersion = msg.protocolVersion
    const check = core.auth.check(msg.token, deviceId)
    if (check.kind === 'wipe') return wipe(check.userId, msg.protocolVersion)
    if (check.kind !== 'ok') return fatal(ErrorCode.Unauthorized, TEXT.unauthorized, 4401)
    // A temporary password's token opens nothing but POST /api/password.
    if (check.user.mustChangePassword) return fatal(ErrorCode.Unauthorized, MUST_CHANGE, 4401)
    core.auth.touch(check.tokenHash)
    const record = check.user
    const u: Principal = { id: record.id, role: record.role, team: record.team }
    releaseSlot = limits.connect(ip, u.id)
    if (!releaseSlot) {
      core.auditor.record(u.id, ip, '', 'refused', Date.now(), 'limit=connections')
      return fatal(ErrorCode.Server, LIMIT_TEXT.connections, CLOSE_RATE)
    }
    user = u
    core.auditor.deviceSeen(u.id, deviceId)
    const end = (reason: SessionEnd) => {
      if (reason === 'wipe') wipe(u.id, msg.protocolVersion)
      else fatal(ErrorCode.Unauthorized, TEXT.unauthorized, 4401)
    }
    session = { tokenHash: check.tokenHash, deviceId, expiresAt: check.expiresAt, idleUntil: core.auth.idleUntil(), end }
    unregister = core.sessions.add(session)
    // Register before reading the feed so an update stored meanwhile arrives live instead of slipping by.
    sub = {
      user: u,
      sendUpdate: (name, update, seq) => sendNow(ws, { type: MsgType.Live, name, update, seq }),
      revoke: (names) => sendNow(ws, { type: MsgType.Revoked, names }),
    }
    core.hub.add(sub)
    const wire: WireUser = { id: record.id, username: record.username, role: record.role, team: record.team }
    sendFeed(u, wire, msg).catch((err: unknown) => {
      core.log(`feed error: ${(err as Error).name}`)
      sendNow(ws, { type: MsgType.Error, code: ErrorCode.Server, message: TEXT.server, fatal: false })
    })
  }

  async function sendFeed(u: Principal, wire: WireUser, hello: Hello): Promise<void> {
    const head = core.storage.headSeq()
    const epoch = core.storage.epoch()
    // A device that saw seqs past our head, or of another epoch, saw updates this database no longer has
    // (restored from a backup): send whole states, and the device re-sends what it holds beyond them.
    const known = Math.max(hello.cursor, hello.seenSeq ?? 0)
    const otherEpoch = Boolean(hello.relayEpoch) && hello.relayEpoch !== epoch
    const resync = known > 0 && (known > head || otherEpoch)
    const cursor = resync ? 0 : hello.cursor
    const plan = planFeed(core.storage.feedEntries(audienceOf(u), readableKinds(u.role), cursor, head), cursor)
    const version = Math.min(PROTOCOL_VERSION, hello.protocolVersion) // answer an older device in its own format
    sendNow(ws, { type: MsgType.Welcome, protocolVersion: version, user: wire, headSeq: head, feedTotal: plan.length, epoch, resync })
    if (cursor > 0) {
      const revoked = core.storage.revokedSince(audienceOf(u), cursor, head)
      if (revoked.length) sendNow(ws, { type: MsgType.Revoked, names: revoked })
    }
    // Pages end at FEED_PAGE_DOCS documents or FEED_PAGE_BYTES; a larger document goes in pieces, and a
    // page holding only part of one carries the cursor from before it (resuming re-sends it whole).
    const pager = new FeedPager()
    // A device that reads them gets the relay's list summary of each document sent whole in one piece.
    const withSummaries = version >= SUMMARY_PROTOCOL_VERSION
    let summaries = new Map<string, string>()
    const sendPage = async (pageCursor: number) => {
      const page: Docs = { type: MsgType.Docs, items: pager.take(), cursor: pageCursor }
      if (withSummaries) {
        page.summaries = summaries
        summaries = new Map()
      }
      await sendPaced(ws, page)
      await new Promise((r) => setImmediate(r)) // let other sessions and pushes in between pages
    }
    for (let i = 0; i < plan.length; i++) {
      if (ws.readyState !== ws.OPEN) return
      const p = plan[i]!
      const { state: update, summary } = p.full
        ? core.storage.feedState(p.name)
        : { state: mergeLog(core.storage.updatesSince(p.name, cursor)), summary: null }
      core.auditor.record(u.id, ip, p.name, 'read')
      const pieces = update ? splitUpdate(update, FEED_PAGE_BYTES / 2) : []
      for (const piece of pieces) {
        if (pager.wouldOverflow(p.name, piece)) await sendPage(cursorAfter(plan, i, cursor, head))
        if (ws.readyState !== ws.OPEN) return
        pager.add(p.name, piece)
      }
      if (withSummaries && summary !== null && pieces.length === 1) summaries.set(p.name, summary)
      if (pager.docDone()) await sendPage(cursorAfter(plan, i + 1, cursor, head))
    }
    if (pager.pending) await sendPage(head)
    sendNow(ws, { type: MsgType.FeedDone, cursor: head })
  }

  function push(u: Principal, msg: Push): void {
    const outcomes = storeWithinLimits(core, u, deviceId, ip, msg.items, sub)
    sendNow(ws, {
      type: MsgType.Ack,
      batchId: msg.batchId,
      results: msg.items.map((it, i) => ({ localId: it.localId, ...outcomes[i]! })),
    })
  }

  function svSync(u: Principal, msg: SvSync): void {
    const items: DocUpdate[] = []
    const revoked: string[] = []
    let bad = false
    for (const { name, sv } of msg.items) {
      if (!isDocName(name)) { bad = true; continue }
      const access = core.storage.docAccess(name)
      if (!access) {
        if (core.storage.isPurged(name)) revoked.push(name) // destroyed after its retention: the device drops it
        continue // otherwise not on the relay yet: the device will push it
      }
      if (!canRead(u, name, access)) { revoked.push(name); continue }
      const state = core.storage.mergedState(name)
      if (!state) continue
      try {
        items.push({ name, update: Y.diffUpdate(state, sv) })
        core.auditor.record(u.id, ip, name, 'read')
      } catch {
        bad = true
      }
    }
    if (revoked.length) sendNow(ws, { type: MsgType.Revoked, names: revoked })
    sendNow(ws, { type: MsgType.Diff, requestId: msg.requestId, items })
    if (bad) badFrame()
  }
}

function mergeLog(parts: Uint8Array[]): Uint8Array | null {
  if (parts.length === 0) return null
  return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts)
}
