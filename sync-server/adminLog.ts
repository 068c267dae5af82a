// Account and permission changes (개인정보의 안전성 확보조치 기준 제5조: 권한 부여·변경·말소 내역 3년 보관):
// one call per change, into the hash-chained, never-pruned admin_log table. Admin commands call
// `recordAdminChange` right after the change; `by` is the server account (`operator()`).
import os from 'node:os'
import type { AdminChange, RelayStorage } from './storage/types'

/** How long the admin log is kept at least; the relay never prunes it. */
export const ADMIN_LOG_RETENTION_YEARS = 3

export function recordAdminChange(storage: RelayStorage, change: AdminChange, at = Date.now()): void {
  storage.appendAdminLog(change, at)
}

/** Who ran an admin command: the server account, never a client's data. */
export function operator(): string {
  try {
    return `cli:${os.userInfo().username}`
  } catch {
    return 'cli:unknown'
  }
}
