// What every admin command shares: refusals with a Korean/English message, the account that runs it,
// and the admin log (개인정보의 안전성 확보조치 기준 제5조: 권한 부여·변경·말소 기록, kept 3 years).
import { operator, recordAdminChange } from '../adminLog'
import type { RelayStorage, UserRecord } from '../storage/types'

export { operator } from '../adminLog'

export class UsageError extends Error {}

export type Values = Record<string, string | boolean | undefined>

export const str = (values: Values, k: string): string | undefined => (typeof values[k] === 'string' ? (values[k] as string) : undefined)

export function need(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`--${flag} 값이 필요합니다. Missing --${flag}.`)
  return value
}

export function userNamed(storage: RelayStorage, username: string | undefined): UserRecord {
  const user = storage.userByName(need(username, 'username'))
  if (!user) throw new UsageError('없는 사용자입니다. No such user.')
  return user
}

/** One admin-log row: who, what, on which account (id), values such as a role; never a password. */
export function logChange(storage: RelayStorage, action: string, target: string, detail = ''): void {
  recordAdminChange(storage, { by: operator(), action, target, detail })
}
