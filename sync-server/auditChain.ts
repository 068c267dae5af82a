// Hash chain over the access records (audit) and the admin log: each row stores the hash of the row
// before it and a SHA-256 over that hash and its own content, so a changed or deleted row breaks the
// chain from there on (개인정보의 안전성 확보조치 기준 제8조: 접속기록의 위·변조 방지).
import crypto from 'node:crypto'

/** prev_hash of the first row of a chain. */
export const GENESIS_HASH = '0'.repeat(64)

/** The fields a row's hash covers, in a fixed order; the id is included so a renumbered row breaks too. */
export type ChainFields = readonly (string | number)[]

export function chainHash(prevHash: string, fields: ChainFields): string {
  return crypto.createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(fields)).digest('hex')
}

export interface ChainRow {
  id: number
  prevHash: string
  hash: string
  fields: ChainFields
}

export type ChainProblem = { id: number; reason: 'changed' | 'broken-link' }

/**
 * Checks rows in id order, continuing from `prevHash`. A changed row fails its own hash; a deleted
 * row leaves the next one pointing at a hash that is not its predecessor's.
 */
export function checkChain(rows: Iterable<ChainRow>, prevHash = GENESIS_HASH): { problem: ChainProblem | null; lastHash: string; count: number } {
  let last = prevHash
  let count = 0
  for (const r of rows) {
    if (r.prevHash !== last) return { problem: { id: r.id, reason: 'broken-link' }, lastHash: last, count }
    if (chainHash(r.prevHash, r.fields) !== r.hash) return { problem: { id: r.id, reason: 'changed' }, lastHash: last, count }
    last = r.hash
    count++
  }
  return { problem: null, lastHash: last, count }
}
