// Access records (접속기록): who, when, from where, which document, what action. Buffered and written in
// batches to the append-only audit table; nothing here goes to log lines. Device sightings (last seen,
// for `list-devices`) ride the same buffer so a burst of reconnects costs one write.
import type { AuditRecord, RelayStorage } from './storage/types'

export type AuditAction =
  | 'login' | 'login-failed' | 'login-locked' | 'read' | 'write' | 'refused' | 'share' | 'transfer' | 'revoked'
  | 'login-revoked-device' | 'wipe-sent'

export class Auditor {
  private buffer: AuditRecord[] = []
  private seen: { userId: string; deviceId: string; at: number }[] = []
  private scheduled = false

  constructor(private readonly storage: RelayStorage) {}

  record(userId: string, ip: string, doc: string, action: AuditAction, at = Date.now()): void {
    this.buffer.push({ userId, ip, doc, action, at })
    if (this.buffer.length >= 2000) this.flush()
    else this.schedule()
  }

  deviceSeen(userId: string, deviceId: string, at = Date.now()): void {
    if (!deviceId) return
    this.seen.push({ userId, deviceId, at })
    this.schedule()
  }

  flush(): void {
    this.scheduled = false
    const batch = this.buffer
    const seen = this.seen
    this.buffer = []
    this.seen = []
    if (batch.length) this.storage.appendAudit(batch)
    if (seen.length) this.storage.touchDevices(seen)
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => this.flush())
  }
}
