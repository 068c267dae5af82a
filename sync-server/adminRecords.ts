// The admin commands about records and copies: `audit`, `audit verify`, `audit report`, `backup`, `restore`.
// admin.ts hands them over before it opens the database itself (restore must replace the file).
import { AuditUsageError, listAudit, monthlyReport, verifyAudit } from './adminAudit'
import { operator, recordAdminChange } from './adminLog'
import { BackupError, backupTo, checkPassphrase, keyFromEnv, restoreFrom } from './backup'
import type { BackupSecret } from './backup'
import type { RelayConfig } from './config'
import { openSqliteStorage } from './storage/sqlite'

type Values = Record<string, string | boolean | undefined>

export const RECORDS_USAGE = `  npm run admin -- audit [--user U] [--doc D] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv]   (접속기록 조회 / access records)
  npm run admin -- audit verify                      (위·변조 검사 / check the hash chains)
  npm run admin -- audit report --month YYYY-MM      (월간 점검 / monthly review)
  npm run admin -- backup --to FILE [--passphrase-stdin]    (암호화 백업, 키: BACKUP_KEY 또는 암호 문구 / encrypted backup)
  npm run admin -- restore --from FILE [--passphrase-stdin] (중계 서버를 멈춘 뒤 / with the relay stopped)`

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin as AsyncIterable<Buffer>) chunks.push(c)
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
}

async function secretFrom(values: Values): Promise<BackupSecret> {
  if (values['passphrase-stdin']) return { kind: 'passphrase', passphrase: checkPassphrase(await readStdin()) }
  const key = keyFromEnv(process.env.BACKUP_KEY)
  if (!key) throw new BackupError('BACKUP_KEY 환경 변수나 --passphrase-stdin이 필요합니다. Set BACKUP_KEY or use --passphrase-stdin.')
  return { kind: 'key', key }
}

const str = (values: Values, k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined)

function need(values: Values, flag: string): string {
  const v = str(values, flag)
  if (!v) throw new AuditUsageError(`--${flag} 값이 필요합니다. Missing --${flag}.`)
  return v
}

/** Runs one of these commands and returns its exit code, or null when `command` is not one of them. */
export async function runRecordsCommand(positionals: string[], values: Values, config: RelayConfig): Promise<number | null> {
  const [command, sub] = positionals
  if (command !== 'audit' && command !== 'backup' && command !== 'restore') return null
  const out = (line: string) => console.log(line)
  const err = (line: string) => console.error(line)
  try {
    if (command === 'restore') {
      const kept = await restoreFrom(config.dataDir, need(values, 'from'), await secretFrom(values))
      const storage = openSqliteStorage(config.dataDir, config.sqliteSynchronous)
      try {
        // Devices hold updates the backup lacks: a new epoch makes each re-send them at its next sync.
        storage.rotateEpoch()
        recordAdminChange(storage, { by: operator(), action: 'restore', target: '', detail: 'epoch rotated' })
      } finally {
        storage.close()
      }
      out(`복원했습니다. 이전 파일은 ${kept}에 남겨 두었습니다(확인 후 지우세요). 새 에포크로 바꿨습니다. / restored; the replaced files are kept as ${kept} (delete them once checked); new epoch set`)
      return 0
    }
    const storage = openSqliteStorage(config.dataDir, config.sqliteSynchronous)
    try {
      if (command === 'backup') {
        const file = need(values, 'to')
        const bytes = await backupTo(config.dataDir, file, await secretFrom(values))
        recordAdminChange(storage, { by: operator(), action: 'backup', target: '', detail: `bytes=${bytes}` })
        out(`암호화 백업을 만들었습니다 / encrypted backup written: ${file} (${bytes} bytes)`)
        return 0
      }
      if (sub === 'verify') return verifyAudit(storage, out, err)
      if (sub === 'report') return monthlyReport(storage, need(values, 'month'), out)
      if (sub !== undefined) throw new AuditUsageError(RECORDS_USAGE)
      return listAudit(storage, { user: str(values, 'user'), doc: str(values, 'doc'), from: str(values, 'from'), to: str(values, 'to'), csv: Boolean(values.csv) }, out)
    } finally {
      storage.close()
    }
  } catch (e) {
    if (e instanceof AuditUsageError || e instanceof BackupError) {
      err(e.message)
      return 2
    }
    err(`오류 / error: ${(e as Error).name}`)
    return 1
  }
}
