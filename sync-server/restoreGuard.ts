// Notices a database restored from a backup. Beside the database the relay keeps the newest sequence
// number it has stored; a database found behind that number has lost acknowledged updates, so it gets a
// new epoch and every device re-sends what it holds beyond the relay's states (see the device engine).
import fs from 'node:fs'
import path from 'node:path'
import type { RelayStorage } from './storage/types'

const FILE = 'relay-head.json'

interface HeadMark {
  epoch: number
  headSeq: number
}

function readMark(dataDir: string): HeadMark | null {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dataDir, FILE), 'utf8')) as Partial<HeadMark>
    return typeof raw.epoch === 'number' && typeof raw.headSeq === 'number' ? { epoch: raw.epoch, headSeq: raw.headSeq } : null
  } catch {
    return null // none yet, or unreadable: nothing to compare with
  }
}

/** At startup: a new epoch when the database is behind what this relay had already stored. */
export function checkRestored(dataDir: string, storage: RelayStorage, log: (line: string) => void): void {
  const mark = readMark(dataDir)
  if (!mark || mark.epoch !== storage.epoch() || mark.headSeq <= storage.headSeq()) return
  storage.rotateEpoch()
  log(`데이터베이스가 이전 시점으로 돌아갔습니다(백업 복원). 기기들이 가진 내용을 다시 올리도록 합니다. / database restored from a backup (seq ${storage.headSeq()} < ${mark.headSeq}): devices will re-send what it lacks`)
}

/** Writes the mark when it changed (write-then-rename, so a crash leaves the old or the new one). */
export function recordHead(dataDir: string, storage: RelayStorage, last?: HeadMark): HeadMark {
  const mark = { epoch: storage.epoch(), headSeq: storage.headSeq() }
  if (last && last.epoch === mark.epoch && last.headSeq === mark.headSeq) return last
  const file = path.join(dataDir, FILE)
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(mark))
  fs.renameSync(`${file}.tmp`, file)
  return mark
}
