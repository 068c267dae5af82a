// The relay's database files are readable by the relay's account only: the data dir 0700 and the
// database 0600 before SQLite opens it, since SQLite creates its -wal and -shm files with the
// database file's mode (개인정보의 안전성 확보조치 기준 제7조: 저장 시 보호).
import fs from 'node:fs'
import path from 'node:path'

export const DB_FILE = 'relay.sqlite'

export function secureDataFiles(dataDir: string): void {
  fs.chmodSync(dataDir, 0o700)
  const db = path.join(dataDir, DB_FILE)
  fs.closeSync(fs.openSync(db, 'a', 0o600))
  for (const f of [db, `${db}-wal`, `${db}-shm`]) {
    try {
      fs.chmodSync(f, 0o600)
    } catch {
      // -wal / -shm exist only while a connection is open
    }
  }
}
