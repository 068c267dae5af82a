// Access records (접속기록): who, when, from where, which document, what action. Buffered and written in
// batches to the append-only audit table; nothing here goes to log lines.
import type { AuditRecord, RelayStorage } from './storage/types'

export type AuditAction =
  | 'login' | 'login-failed' | 'login-locked' | 'read' | 'write' | 'refused' | 'share' | 'transfer' | 'revoked'

export class Auditor {
  private buffer: AuditRecord[] = []
  private scheduled = false

  constructor(private readonly storage: RelayStorage) {}

  record(userId: string, ip: string, doc: string, action: AuditAction, at = Date.now()): void {
    this.buffer.push({ userId, ip, doc, action, at })
    if (this.buffer.length >= 2000) this.flush()
    else if (!this.scheduled) {
      this.scheduled = true
      setImmediate(() => this.flush())
    }
  }

  flush(): void {
    this.scheduled = false
    if (this.buffer.length === 0) return
    const batch = this.buffer
    this.buffer = []
    this.storage.appendAudit(batch)
  }
}
