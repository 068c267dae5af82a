// `npm run admin -- audit …`: review of the access records (개인정보의 안전성 확보조치 기준 제8조: 접속기록
// 월 1회 이상 점검). List with filters, verify the hash chain, and the monthly report: off-hours access,
// mass reads and refusals, with the month's account and permission changes (제5조).
import { checkChain } from './auditChain'
import type { AuditRow, RelayStorage } from './storage/types'

/** A user reading more than this many distinct case files in one day (KST) is listed in the monthly report. */
export const MASS_READ_PER_DAY = 100
/** Off hours (KST): from 22:00 to before 07:00, and all of Saturday and Sunday. */
export const OFF_HOURS = { from: 22, to: 7 } as const

const KST_MS = 9 * 3_600_000
const DAY_MS = 86_400_000
const READS = new Set(['read', 'viewed', 'live'])
const ACCESS = new Set(['read', 'viewed', 'live', 'write', 'login', 'share', 'transfer', 'refer', 'share-read', 'unshare', 'accept'])
const REFUSALS = new Set(['refused', 'login-failed', 'login-locked', 'login-revoked-device'])

export class AuditUsageError extends Error {}

/** YYYY-MM-DD (KST) → epoch ms of that day's start. */
function kstDay(day: string, flag: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - KST_MS : NaN
  if (!m || Number.isNaN(ms) || new Date(ms + KST_MS).toISOString().slice(0, 10) !== day) {
    throw new AuditUsageError(`--${flag}는 YYYY-MM-DD 형식의 날짜여야 합니다. --${flag} must be a date YYYY-MM-DD.`)
  }
  return ms
}

const kst = (ms: number): string => new Date(ms + KST_MS).toISOString().replace('T', ' ').slice(0, 19)
const kstDate = (ms: number): string => kst(ms).slice(0, 10)

export function isOffHours(ms: number): boolean {
  const d = new Date(ms + KST_MS)
  const day = d.getUTCDay()
  const hour = d.getUTCHours()
  return day === 0 || day === 6 || hour >= OFF_HOURS.from || hour < OFF_HOURS.to
}

const csvCell = (v: string | number): string => {
  const s = String(v)
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

function userLabel(storage: RelayStorage, cache: Map<string, string>, id: string): string {
  if (!cache.has(id)) cache.set(id, storage.userById(id)?.username ?? id)
  return cache.get(id)!
}

export interface AuditListOptions {
  user?: string
  doc?: string
  from?: string
  to?: string
  csv?: boolean
}

/** `audit --user U --doc D --from YYYY-MM-DD --to YYYY-MM-DD [--csv]`: every matching record, oldest first. */
export function listAudit(storage: RelayStorage, o: AuditListOptions, print: (line: string) => void): number {
  const userId = o.user === undefined ? undefined : storage.userByName(o.user)?.id ?? o.user
  const rows = storage.queryAudit({
    userId, doc: o.doc, from: o.from ? kstDay(o.from, 'from') : undefined, to: o.to ? kstDay(o.to, 'to') + DAY_MS : undefined,
  })
  const names = new Map<string, string>()
  const header = ['id', 'time_kst', 'user', 'device', 'address', 'document', 'action', 'detail']
  const cells = (r: AuditRow) => [r.id, kst(r.at), userLabel(storage, names, r.userId), r.deviceId, r.ip, r.doc, r.action, r.detail]
  if (o.csv) {
    print(header.join(','))
    for (const r of rows) print(cells(r).map(csvCell).join(','))
  } else {
    print(header.join('\t'))
    for (const r of rows) print(cells(r).join('\t'))
    print(`${rows.length}건 / records`)
  }
  return 0
}

/** `audit verify`: walks both chains; exit 1 naming the first bad row. */
export function verifyAudit(storage: RelayStorage, print: (line: string) => void, printErr: (line: string) => void): number {
  for (const table of ['audit', 'admin_log'] as const) {
    let after = 0
    let prev: string | undefined
    let count = 0
    for (;;) {
      const rows = storage.chainRows(table, after, 5000)
      if (rows.length === 0) break
      const result = checkChain(rows, prev)
      if (result.problem) {
        const { id, reason } = result.problem
        printErr(reason === 'changed'
          ? `${table} ${id}번 행의 내용이 바뀌었습니다 (해시 불일치). / ${table} row ${id} was changed (hash mismatch).`
          : `${table} ${id}번 행 앞의 행이 지워졌거나 바뀌었습니다 (연결 끊김). / the row before ${table} row ${id} was deleted or changed (broken link).`)
        return 1
      }
      prev = result.lastHash
      count += result.count
      after = rows[rows.length - 1]!.id
    }
    // The last hash is what the monthly review writes down: a deleted tail shows only against it.
    print(`${table}: ${count}행 이상 없음, 마지막 행 ${after}, 해시 ${prev ?? '-'} / ${count} rows intact, last row ${after}, hash ${prev ?? '-'}`)
  }
  return 0
}

/** `audit report --month YYYY-MM`: the monthly review. */
export function monthlyReport(storage: RelayStorage, month: string, print: (line: string) => void): number {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new AuditUsageError('--month는 YYYY-MM 형식이어야 합니다. --month must be YYYY-MM.')
  const from = Date.UTC(Number(m[1]), Number(m[2]) - 1, 1) - KST_MS
  const to = Date.UTC(Number(m[1]), Number(m[2]), 1) - KST_MS
  const rows = storage.queryAudit({ from, to })
  const names = new Map<string, string>()
  const who = (id: string) => userLabel(storage, names, id)

  print(`# 접속기록 월간 점검 / monthly access review ${month} (KST): ${rows.length}건 / records`)
  const off = rows.filter((r) => ACCESS.has(r.action) && isOffHours(r.at))
  print(`\n## 업무시간 외 접근 / off-hours access (${OFF_HOURS.from}:00–0${OFF_HOURS.to}:00, 주말 / weekends): ${off.length}건`)
  const offBy = new Map<string, AuditRow[]>()
  for (const r of off) offBy.set(r.userId, [...(offBy.get(r.userId) ?? []), r])
  for (const [id, list] of offBy) {
    print(`${who(id)}\t${list.length}건\t${kst(list[0]!.at)} … ${kst(list[list.length - 1]!.at)}`)
  }

  const perDay = new Map<string, Set<string>>()
  for (const r of rows) {
    if (!READS.has(r.action) || !r.doc.startsWith('case/')) continue
    const key = `${r.userId}\n${kstDate(r.at)}`
    if (!perDay.has(key)) perDay.set(key, new Set())
    perDay.get(key)!.add(r.doc)
  }
  const mass = [...perDay].filter(([, docs]) => docs.size > MASS_READ_PER_DAY)
  print(`\n## 대량 열람 / mass reads (하루 ${MASS_READ_PER_DAY}건 초과 사례 파일 / more than ${MASS_READ_PER_DAY} case files a day): ${mass.length}건`)
  for (const [key, docs] of mass) {
    const [id, day] = key.split('\n') as [string, string]
    print(`${who(id)}\t${day}\t${docs.size}건`)
  }

  const refused = rows.filter((r) => REFUSALS.has(r.action))
  print(`\n## 거부·실패 / refusals and failed logins: ${refused.length}건`)
  for (const r of refused) print(`${kst(r.at)}\t${who(r.userId)}\t${r.ip}\t${r.action}\t${r.doc}\t${r.detail}`)

  const changes = storage.adminLog(from, to)
  print(`\n## 권한 변경 / account and permission changes: ${changes.length}건`)
  for (const c of changes) print(`${kst(c.at)}\t${c.by}\t${c.action}\t${who(c.target)}\t${c.detail}`)
  print('\n`npm run admin -- audit verify`로 위·변조 여부도 확인하세요. / Also run `audit verify`.')
  return 0
}
