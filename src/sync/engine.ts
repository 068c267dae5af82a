// The device sync engine: one WebSocket to the relay's /sync endpoint carrying every document.
// Pulls the change feed (pipelined pages, each stored with its cursor), pushes the outbox in
// acknowledged batches, applies live updates, and reconnects by itself with backoff and jitter.
import { createBackoff } from './backoff'
import { EMPTY_STATE } from './beyondRelay'
import {
  decodeMessage,
  encodeMessage,
  ErrorCode,
  MsgType,
  PROTOCOL_VERSION,
  type Ack,
  type DeviceMessage,
  type Docs,
  type ErrorMsg,
  type Message,
} from './protocol'
import { buildPushBatch } from './pushBatch'
import { createStatusStore, type ReadableStatus } from './status'
import { NO_RELAY_MARK, type RelayMark, type SyncStore } from './syncStore'
import { defaultWebSocket, openConnection, type Connection, type WebSocketConstructor } from './transport'
import { onWakeSignals } from './wake'
import { createViewReporter } from './viewLog'

export interface SyncEngineOptions {
  /** ws(s)://host:port/sync */
  url: string
  store: SyncStore
  getToken: () => string | null
  /** Defaults to the global WebSocket; pass `ws` in Node. */
  WebSocketImpl?: WebSocketConstructor
  /** The relay refused the token (or there is none): ask the user to log in; the outbox is kept. */
  onLoginRequired?: () => void
  /**
   * An admin revoked this token or device (lost device): erase this user's local data. Called once per
   * Wipe, after any page already being stored; the engine stops and shows loginRequired.
   */
  onWipe?: () => void
  now?: () => number
  random?: () => number
  /** Ping interval; a connection silent for a whole interval after a ping is dropped. */
  heartbeatMs?: number
  /** Periodic retry while disconnected (also notices a fresh token after loginRequired). */
  retryMs?: number
  backoffBaseMs?: number
  backoffCapMs?: number
  batchRows?: number
  batchBytes?: number
  maxInFlight?: number
}

export interface SyncEngine {
  /** Connect and keep connected until stop(). */
  start(): void
  /** Disconnect and stop reconnecting (state offline). */
  stop(): void
  readonly status: ReadableStatus
  /** Connect now (skipping any backoff wait) or push pending updates now. */
  syncNow(): void
  /** stop() and release every listener; the engine cannot be started again. */
  close(): void
}

interface Session {
  conn: Connection | null
  token: string
  ready: boolean
  feedDone: boolean
  /** batchId → pushed localId → outbox rows it stands for. */
  inflight: Map<number, Map<number, number[]>>
  inflightRows: Set<number>
  heartbeat: ReturnType<typeof setInterval> | null
  pinged: boolean
  rxSincePing: boolean
  /** The relay's database epoch, from Welcome (0 from a relay that has none). */
  epoch: number
  /** Names the feed sent, while the relay re-sends whole states after losing updates (Welcome.resync). */
  resyncSeen: Set<string> | null
  /** A message of this session failed (a feed page not stored): nothing after it may be applied or counted. */
  broken: boolean
  /** Cursor of the last feed page of this session handed to the store (pipelined pages). */
  lastPage: number | undefined
}

const MSG_LOGIN = '다시 로그인해 주세요. 기기의 변경 내용은 그대로 보관됩니다.'
const MSG_UPDATE = '앱을 업데이트해 주세요. 기기의 데이터는 그대로 보관됩니다.'
const MSG_ERROR = '동기화 중 오류가 발생했습니다. 잠시 후 다시 시도합니다.'
const MSG_NO_SOCKET = '이 환경에서는 동기화 연결을 열 수 없습니다.'
const MSG_WIPE = '관리자가 이 기기의 접근을 해지했습니다. 이 기기의 자료를 지웁니다.'

function unref(t: unknown): void {
  // Node timers would keep a test process alive; browsers return a number.
  ;(t as { unref?: () => void }).unref?.()
}

export function createSyncEngine(opts: SyncEngineOptions): SyncEngine {
  const { store, url } = opts
  const now = opts.now ?? Date.now
  const heartbeatMs = opts.heartbeatMs ?? 25_000
  const retryMs = opts.retryMs ?? 30_000
  const maxInFlight = opts.maxInFlight ?? 3
  const limits = { maxRows: opts.batchRows ?? 200, maxBytes: opts.batchBytes ?? 1024 * 1024 }
  const backoff = createBackoff({
    baseMs: opts.backoffBaseMs ?? 500,
    capMs: opts.backoffCapMs ?? 30_000,
    random: opts.random,
  })
  const status = createStatusStore()
  const reportViews = createViewReporter() // access records: case file views, sent after each caught-up feed

  let running = false
  let closed = false
  let session: Session | null = null
  let blocked: 'login' | 'update' | null = null
  let failedToken: string | null = null
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null
  let retryTimer: ReturnType<typeof setInterval> | null = null
  let cursor = 0
  let batchCounter = 0
  let inbound: Promise<void> = Promise.resolve()
  /** Feed pages handed to the store and not yet durable (pipelined: the next page is prepared meanwhile). */
  let storing: Promise<void> = Promise.resolve()
  let mark: RelayMark = NO_RELAY_MARK
  let draining = false
  let drainAgain = false
  const rejectedRows = new Set<number>()
  /** Rows the relay could not store (`server`): still pending, pushed again after retryMs (not in a tight loop). */
  const retryRows = new Set<number>()
  let retryRowsTimer: ReturnType<typeof setTimeout> | null = null

  const offLocal = store.onLocalChange(() => void drain())
  const offWake = onWakeSignals(() => wake())

  function send(s: Session, m: DeviceMessage): boolean {
    return s.conn?.send(encodeMessage(m)) ?? false
  }

  /** Ends the session if it is current; returns false if it had already ended. */
  function endSession(s: Session): boolean {
    if (session !== s) return false
    session = null
    if (s.heartbeat) clearInterval(s.heartbeat)
    if (s.resyncSeen) status.update({ resyncing: false })
    s.conn?.close()
    return true
  }

  function scheduleReconnect(): void {
    if (!running || closed || reconnectTimer || blocked) return
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null
      connect()
    }, backoff.next())
    unref(reconnectTimer)
  }

  function clearReconnect(): void {
    if (reconnectTimer) clearTimeout(reconnectTimer)
    reconnectTimer = null
  }

  function fail(s: Session | null, state: 'offline' | 'error'): void {
    if (!s || !endSession(s)) return
    status.update({ state, message: state === 'error' ? MSG_ERROR : undefined })
    scheduleReconnect()
  }

  function requireLogin(token: string | null): void {
    blocked = 'login'
    failedToken = token
    status.update({ state: 'loginRequired', message: MSG_LOGIN })
    opts.onLoginRequired?.()
  }

  function connect(): void {
    if (closed || !running || session || blocked === 'update') return
    const token = opts.getToken()
    if (!token) {
      if (blocked !== 'login') requireLogin(null)
      return
    }
    if (blocked === 'login' && token === failedToken) return
    blocked = null
    failedToken = null
    clearReconnect()
    const Impl = opts.WebSocketImpl ?? defaultWebSocket()
    if (!Impl) {
      status.update({ state: 'error', message: MSG_NO_SOCKET })
      return
    }
    const s: Session = {
      conn: null,
      token,
      ready: false,
      feedDone: false,
      inflight: new Map(),
      inflightRows: new Set(),
      heartbeat: null,
      pinged: false,
      rxSincePing: false,
      epoch: 0,
      resyncSeen: null,
      broken: false,
      lastPage: undefined,
    }
    session = s
    status.update({ state: 'connecting', message: undefined })
    try {
      s.conn = openConnection(url, Impl, {
        onOpen: () => void sayHello(s),
        onMessage: (bytes) => receive(s, bytes),
        onClose: () => fail(s, 'offline'),
      })
    } catch {
      fail(s, 'error')
    }
  }

  async function sayHello(s: Session): Promise<void> {
    try {
      const [deviceId, stored, known] = await Promise.all([store.getDeviceId(), store.getCursor(), store.getRelayMark()])
      cursor = Math.max(cursor, stored)
      mark = known
      if (session !== s) return
      send(s, {
        type: MsgType.Hello, protocolVersion: PROTOCOL_VERSION, token: s.token, deviceId, cursor: stored,
        relayEpoch: known.epoch, seenSeq: known.seenSeq,
      })
    } catch {
      fail(s, 'error')
    }
  }

  function receive(s: Session, bytes: Uint8Array): void {
    if (session !== s) return
    s.rxSincePing = true
    let msg: Message
    try {
      msg = decodeMessage(bytes)
    } catch {
      fail(s, 'error')
      return
    }
    if (msg.type === MsgType.Ping) {
      send(s, { type: MsgType.Pong, t: msg.t })
      return
    }
    if (msg.type === MsgType.Pong) return
    if (msg.type === MsgType.Error) {
      // Not queued: the relay closes right after a fatal error, and the reason must not be lost.
      onError(s, msg)
      return
    }
    if (msg.type === MsgType.Wipe) {
      onWipeMsg(s)
      return
    }
    // One queue for every session: pages commit in order, and an old session's page finishes first.
    inbound = inbound
      .then(() => handle(s, msg))
      .catch(() => {
        // What this session sends after a message that failed must not be applied past it.
        s.broken = true
        fail(s, 'error')
      })
  }

  async function rememberRelay(next: RelayMark): Promise<void> {
    if (next.epoch === mark.epoch && next.seenSeq === mark.seenSeq) return
    mark = next
    await store.setRelayMark(mark)
  }

  async function commitCursor(c: number): Promise<void> {
    if (c <= cursor) return
    cursor = c
    await store.setCursor(c)
  }

  /**
   * Hands a feed page to the store and returns once the next one may be handed over: page k+1 is
   * prepared while page k is written. Its cursor is stored with its rows; the cursor and progress kept
   * here move only once both are durable. A page that fails breaks the session: nothing after it is
   * applied, and the store refuses a page whose predecessor (`after`) is not durable.
   */
  async function stageFeedPage(s: Session, page: Docs): Promise<void> {
    const after = s.lastPage
    s.lastPage = page.cursor
    const { stored } = await store.applyFeedPage!(page.items, page.cursor, after, page.summaries)
    storing = storing
      .then(() => stored)
      .then(
        () => {
          if (page.cursor > cursor) cursor = page.cursor
          if (session === s) {
            const st = status.get()
            status.update({ done: Math.min(st.total, st.done + page.items.length) })
          }
        },
        () => {
          s.broken = true
          fail(s, 'error')
        },
      )
  }

  async function handle(s: Session, msg: Message): Promise<void> {
    if (s.broken) return
    const pipelined = msg.type === MsgType.Docs && store.applyFeedPage !== undefined && !s.resyncSeen
    // Only feed pages overlap; anything else runs once every page before it is stored.
    if (!pipelined) await storing
    if (s.broken) return
    reportViews(msg, (m) => send(s, m))
    switch (msg.type) {
      case MsgType.Welcome:
        if (session !== s) return
        s.ready = true
        backoff.reset()
        s.epoch = msg.epoch ?? 0
        // The relay lost updates this device had seen (a backup restored; an older relay can only show it
        // by a head behind our cursor): its feed restarts at 0 and we re-send what it lacks.
        if (msg.resync || msg.headSeq < cursor) {
          cursor = 0
          s.resyncSeen = new Set()
        }
        status.update({ state: 'syncing', done: 0, total: msg.feedTotal, message: undefined, resyncing: s.resyncSeen !== null })
        startHeartbeat(s)
        void drain()
        return
      case MsgType.Docs:
        if (pipelined) {
          await stageFeedPage(s, msg)
          return
        }
        if (msg.items.length > 0) await store.applyRemote(msg.items)
        if (s.resyncSeen && msg.items.length > 0) {
          for (const it of msg.items) s.resyncSeen.add(it.name)
          await store.requeueBeyondRelay(msg.items)
        }
        await commitCursor(msg.cursor)
        if (session === s) {
          const st = status.get()
          status.update({ done: Math.min(st.total, st.done + msg.items.length) })
        }
        return
      case MsgType.FeedDone: {
        const resynced = s.resyncSeen !== null
        if (s.resyncSeen) {
          // Documents the relay did not send at all: it lost them, or this user may no longer write them
          // (then the push is refused and shown, never dropped).
          const seen = s.resyncSeen
          const absent = (await store.heldDocNames()).filter((n) => !seen.has(n))
          if (absent.length) await store.requeueBeyondRelay(absent.map((name) => ({ name, update: EMPTY_STATE })))
          s.resyncSeen = null
        }
        s.feedDone = true
        await commitCursor(msg.cursor)
        // Stored only now: a resync cut short starts over, since the relay still sees the old mark. After
        // a resync the old seqs mean nothing, so the mark starts again from this feed.
        const epoch = s.epoch || mark.epoch
        await rememberRelay({ epoch, seenSeq: resynced ? msg.cursor : Math.max(mark.seenSeq, msg.cursor) })
        if (session === s) {
          status.update({ state: 'upToDate', done: status.get().total, lastSyncAt: new Date(now()).toISOString(), resyncing: false })
          void drain()
        }
        return
      }
      case MsgType.Live:
        await store.applyRemote([{ name: msg.name, update: msg.update }])
        // Before FeedDone a higher seq does not mean everything below it has arrived.
        if (s.feedDone) {
          await commitCursor(msg.seq)
          if (session === s) status.update({ lastSyncAt: new Date(now()).toISOString() })
        }
        return
      case MsgType.Diff:
        if (msg.items.length > 0) await store.applyRemote(msg.items)
        return
      case MsgType.Revoked:
        if (msg.names.length > 0) await store.removeDocs(msg.names)
        return
      case MsgType.Ack:
        await settle(s, msg)
        return
      default:
        return
    }
  }

  function onError(s: Session, msg: ErrorMsg): void {
    if (session !== s) return
    if (msg.code === ErrorCode.Unauthorized) {
      endSession(s)
      requireLogin(s.token)
    } else if (msg.code === ErrorCode.Version) {
      endSession(s)
      blocked = 'update'
      status.update({ state: 'updateRequired', message: MSG_UPDATE })
    } else if (msg.fatal) {
      fail(s, 'error')
    } else {
      status.update({ message: msg.message })
    }
  }

  function onWipeMsg(s: Session): void {
    if (!endSession(s)) return
    // Never retried with this token; a new login (refused for a revoked device) may connect again.
    blocked = 'login'
    failedToken = s.token
    status.update({ state: 'loginRequired', message: MSG_WIPE })
    // After the queue, so no page of this session is written into the store once it is wiped.
    inbound = inbound
      .then(() => storing)
      .then(() => opts.onWipe?.())
      .catch(() => {})
  }

  async function settle(s: Session, ack: Ack): Promise<void> {
    const rows = s.inflight.get(ack.batchId)
    if (!rows) return
    s.inflight.delete(ack.batchId)
    const acked: number[] = []
    const refused = new Map<string, { code: string; message: string; ids: number[] }>()
    for (const r of ack.results) {
      const ids = rows.get(r.localId)
      if (!ids) continue
      if (r.ok) {
        acked.push(...ids)
      } else if (r.code === ErrorCode.Server) {
        // Not stored and not refused: the update stays pending and goes out again later.
        for (const id of ids) retryRows.add(id)
      } else {
        const key = `${r.code}\u0000${r.message}`
        const group = refused.get(key) ?? { code: r.code, message: r.message, ids: [] }
        group.ids.push(...ids)
        refused.set(key, group)
      }
    }
    try {
      if (acked.length > 0) await store.markAcked(acked)
      // Our own updates count as seen, so a relay that loses them is noticed (not during a resync: the
      // old mark must stay until it finishes).
      const top = Math.max(0, ...ack.results.map((r) => (r.ok ? r.seq : 0)))
      if (top > mark.seenSeq && !s.resyncSeen) await rememberRelay({ ...mark, seenSeq: top })
      for (const g of refused.values()) {
        await store.markRejected(g.ids, g.code, g.message)
        for (const id of g.ids) rejectedRows.add(id)
        status.update({ rejected: status.get().rejected + g.ids.length })
      }
    } finally {
      // Rows without a result stay pending and go out again.
      for (const ids of rows.values()) for (const id of ids) s.inflightRows.delete(id)
    }
    if (retryRows.size > 0 && !retryRowsTimer) {
      retryRowsTimer = setTimeout(() => {
        retryRowsTimer = null
        retryRows.clear()
        void drain()
      }, retryMs)
      unref(retryRowsTimer)
    }
    void drain()
  }

  async function drain(): Promise<void> {
    if (draining) {
      drainAgain = true
      return
    }
    draining = true
    try {
      for (;;) {
        const s = session
        if (!s || !s.ready || s.inflight.size >= maxInFlight) break
        const skip = s.inflightRows.size + rejectedRows.size + retryRows.size
        const pending = await store.pendingUpdates(skip + limits.maxRows)
        if (session !== s) break
        const fresh = pending.filter((r) => !s.inflightRows.has(r.localId) && !rejectedRows.has(r.localId) && !retryRows.has(r.localId))
        if (fresh.length === 0) break
        const batch = buildPushBatch(fresh, limits)
        const batchId = ++batchCounter
        s.inflight.set(batchId, batch.rows)
        for (const ids of batch.rows.values()) for (const id of ids) s.inflightRows.add(id)
        if (!send(s, { type: MsgType.Push, batchId, items: batch.items })) break
      }
    } catch {
      fail(session, 'error')
    } finally {
      draining = false
      if (drainAgain) {
        drainAgain = false
        void drain()
      }
    }
  }

  function startHeartbeat(s: Session): void {
    s.heartbeat = setInterval(() => {
      if (session !== s) return
      if (s.pinged && !s.rxSincePing) {
        fail(s, 'offline')
        return
      }
      s.pinged = true
      s.rxSincePing = false
      send(s, { type: MsgType.Ping, t: now() })
    }, heartbeatMs)
    unref(s.heartbeat)
  }

  function wake(): void {
    if (!running || closed || session) return
    clearReconnect()
    backoff.reset()
    connect()
  }

  function start(): void {
    if (closed || running) return
    running = true
    retryTimer = setInterval(() => {
      if (!session && !reconnectTimer) connect()
    }, retryMs)
    unref(retryTimer)
    connect()
  }

  function stop(): void {
    running = false
    clearReconnect()
    if (retryTimer) clearInterval(retryTimer)
    retryTimer = null
    if (retryRowsTimer) clearTimeout(retryRowsTimer)
    retryRowsTimer = null
    retryRows.clear()
    if (session) endSession(session)
    if (!blocked) status.update({ state: 'offline', message: undefined })
  }

  return {
    start,
    stop,
    status: { get: status.get, subscribe: status.subscribe },
    syncNow() {
      if (closed) return
      if (!running) {
        start()
        return
      }
      if (session) {
        void drain()
        return
      }
      if (blocked === 'login') failedToken = null
      wake()
    },
    close() {
      stop()
      closed = true
      offLocal()
      offWake()
    },
  }
}
