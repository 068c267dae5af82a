// Destroying closed case files whose retention is over (사회보장급여법 제34조: kept 5 years after
// closure). Each case is read with the domain's reader from its stored state; the storage then deletes
// log, snapshot and access in one transaction and tells every team that held it to drop it.
import * as Y from 'yjs'
import { addDays, addMonths } from '../src/domain'
import { readCaseFile } from '../src/store/caseDoc'
import type { RelayStorage } from './storage/types'

export const RETENTION_MONTHS = 60

export interface PurgePlan {
  due: { name: string; lastSeq: number }[]
  /** Case files the reader refused (damaged or empty); never purged, only counted. */
  unreadable: number
}

/**
 * The day argument, checked: a real 'YYYY-MM-DD' no later than the day after `today` minus the
 * retention, so nothing closed within the last 5 years can go. Returns a bilingual reason when refused.
 */
export function checkPurgeDay(day: string, today: string): string | null {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN
  const valid = !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(day) // 2026-02-30 rolls over: refused
  if (!valid) return `날짜는 YYYY-MM-DD 형식의 실제 날짜여야 합니다: ${day.slice(0, 20)} / --closed-before must be a real date YYYY-MM-DD`
  const latest = addDays(addMonths(today, -RETENTION_MONTHS), 1)
  if (day > latest) {
    return `종결 후 5년 보존기간이 지나지 않은 사례는 파기할 수 없습니다. --closed-before는 ${latest} 이전이어야 합니다. / case files are kept 5 years after closure: --closed-before may be at most ${latest}`
  }
  return null
}

/** Case files currently closed (종결 or 사후관리) whose closure date is before `day`. */
export function planPurge(storage: RelayStorage, day: string): PurgePlan {
  const plan: PurgePlan = { due: [], unreadable: 0 }
  for (const name of storage.docNames('case')) {
    // lastSeq first: a write after it makes the purge skip the document rather than judge old content.
    const lastSeq = storage.docLastSeq(name)
    const state = storage.mergedState(name)
    if (lastSeq === null || !state) continue
    const doc = new Y.Doc()
    try {
      Y.applyUpdate(doc, state)
      const cf = readCaseFile(doc)
      const closed = cf.meta.stage === 'closed' || cf.meta.stage === 'followUp'
      if (closed && cf.closure && cf.closure.date < day) plan.due.push({ name, lastSeq })
    } catch {
      plan.unreadable++
    } finally {
      doc.destroy()
    }
  }
  return plan
}
