// Access records (접속기록, 개인정보의 안전성 확보조치 기준 제8조): account, device, time, address, document
// (정보주체) and action, hash-chained in the append-only audit table and kept at least 2 years; nothing
// here goes to log lines. Records are buffered and committed before the relay sends the frame or
// response that acknowledges the action (`beforeSend`), so a crash cannot leave an action unrecorded.
// Device sightings (last seen, for `list-devices`) ride the same buffer so a burst of reconnects costs one write.
import type { AuditRecord, RelayStorage } from './storage/types'

export type AuditAction =
  | 'login' | 'login-failed' | 'login-locked' | 'read' | 'write' | 'refused' | 'share' | 'transfer' | 'revoked'
  | 'login-revoked-device' | 'wipe-sent' | 'live' | 'viewed' | 'deleted'
  | 'refer' | 'share-read' | 'unshare' | 'accept'

const FAILURES = new Set<string>(['login-failed', 'login-locked'])

interface Shared {
  buffer: AuditRecord[]
  seen: { userId: string; deviceId: string; at: number }[]
  scheduled: boolean
  holding: number
  held: { send: () => void; fail: () => void }[]
  /** Frames waiting for the next group commit (`sendAfterCommit`). */
  grouped: { send: () => void; fail: () => void }[]
}

export class Auditor {
  private deviceId: string
  private tried = ''
  private userId = ''

  constructor(private readonly storage: RelayStorage, private readonly shared: Shared = { buffer: [], seen: [], scheduled: false, holding: 0, held: [], grouped: [] }, deviceId = '') {
    this.deviceId = deviceId
  }

  /** A view for one connection or request: the same buffer, with records tagged by that session's device. */
  session(deviceId = ''): Auditor {
    return new Auditor(this.storage, this.shared, deviceId)
  }

  /** The user this session authenticated as ('' before Hello). */
  get sessionUser(): string {
    return this.userId
  }

  get sessionDevice(): string {
    return this.deviceId
  }

  record(userId: string, ip: string, doc: string, action: AuditAction, at = Date.now(), detail = ''): void {
    // A failed login keeps the name that was tried: the account may not exist.
    const tried = FAILURES.has(action) && this.tried ? `tried=${this.tried}` : ''
    this.shared.buffer.push({ userId, ip, doc, action, at, deviceId: this.deviceId, detail: detail || tried })
    if (this.shared.buffer.length >= 2000) this.flush()
    else this.schedule()
  }

  /** A login attempt on this request: the name tried and the device it names. */
  noteLogin(username: string, deviceId: string): void {
    this.tried = username
    if (deviceId) this.deviceId = deviceId
  }

  deviceSeen(userId: string, deviceId: string, at = Date.now()): void {
    this.userId = userId
    if (!deviceId) return
    this.deviceId = deviceId
    this.shared.seen.push({ userId, deviceId, at })
    this.schedule()
  }

  /** Commits buffered records; on failure they stay buffered (and the caller must not acknowledge). */
  flush(): void {
    const s = this.shared
    s.scheduled = false
    if (s.buffer.length) {
      this.storage.appendAudit(s.buffer)
      s.buffer = []
    }
    if (s.seen.length) {
      const seen = s.seen
      s.seen = []
      this.storage.touchDevices(seen)
    }
  }

  /** Runs `fn` holding outgoing frames: the records it makes are committed once, then the frames go out in order. */
  batch(fn: () => void): void {
    const s = this.shared
    s.holding++
    try {
      fn()
    } finally {
      s.holding--
      if (s.holding === 0 && s.held.length) {
        const held = s.held
        s.held = []
        const ok = this.tryFlush()
        for (const h of held) (ok ? h.send : h.fail)()
      }
    }
  }

  /** A frame or response about to leave: pending records first; `fail` instead when they cannot be written. */
  beforeSend(send: () => void, fail: () => void): void {
    if (this.shared.holding > 0) this.shared.held.push({ send, fail })
    else if (this.tryFlush()) send()
    else fail()
  }

  /**
   * Like `beforeSend`, but when records are waiting the frame waits for the commit scheduled at the end of
   * this event-loop turn, which every session asking meanwhile shares: a burst of 500 /yjs joins costs one
   * transaction, not 500 (issue 8). The records are still committed before the frame leaves.
   */
  sendAfterCommit(send: () => void, fail: () => void): void {
    const s = this.shared
    if (s.holding > 0 || (s.buffer.length === 0 && s.seen.length === 0)) return this.beforeSend(send, fail)
    s.grouped.push({ send, fail })
    this.schedule()
  }

  tryFlush(): boolean {
    try {
      this.flush()
      return true
    } catch {
      return false
    }
  }

  private schedule(): void {
    if (this.shared.scheduled) return
    this.shared.scheduled = true
    setImmediate(() => {
      const ok = this.tryFlush()
      const s = this.shared
      if (!s.grouped.length) return
      const grouped = s.grouped
      s.grouped = []
      for (const g of grouped) (ok ? g.send : g.fail)()
    })
  }
}
