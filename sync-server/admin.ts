// `npm run admin -- <command>`: manage users in DATA_DIR's database, whether or not the relay runs.
// Never prints a password or a token. Account commands are in admin/users.ts.
import { parseArgs } from 'node:util'
import { todayInSeoul } from '../src/domain'
import { logChange, need, operator, str as strOf, userNamed, UsageError } from './admin/cli'
import { runRollback } from './admin/rollback'
import { runUserCommand, USER_COMMANDS } from './admin/users'
import { recordAdminChange } from './adminLog'
import { RECORDS_USAGE, runRecordsCommand } from './adminRecords'
import { readConfig } from './config'
import { checkPurgeDay, planPurge } from './purge'
import { openSqliteStorage } from './storage/sqlite'
import type { DeviceRecord, RelayStorage } from './storage/types'

const USAGE = `사용법 / usage:
  npm run admin -- add-user --username U --password-stdin --role worker|supervisor|volunteer|admin --team TEAM [--team-name 이름]
  npm run admin -- list-users
  npm run admin -- set-password --username U --password-stdin      (임시 비밀번호: 다음 로그인 때 바꿔야 함 / temporary: changed at next login)
  npm run admin -- set-role --username U --role worker|supervisor|volunteer|admin
  npm run admin -- set-team --username U --team TEAM [--team-name 이름]
  npm run admin -- disable-user --username U        (로그인 중지, 기기 자료 삭제 / no login, devices wipe)   enable-user --username U
  npm run admin -- delete-user --username U         (계정 삭제, 기기 자료 삭제 / account removed, devices wipe)
  npm run admin -- unlock --username U              (로그인 실패 잠금 해제 / clear the failed-login lock)
  npm run admin -- revoke-tokens --username U        (분실 기기, 이 사용자의 모든 기기 / lost device, all of the user's devices)
  npm run admin -- revoke-device --username U --device ID   (분실 기기 하나 / one lost device)
  npm run admin -- list-devices --username U
  npm run admin -- rotate-epoch                      (DATA_DIR 전체를 백업에서 복원한 뒤 / after restoring the whole DATA_DIR from a backup)
  npm run admin -- purge-closed --closed-before YYYY-MM-DD [--dry-run]   (보존기간이 끝난 종결 사례 파기 / destroy closed case files past retention)
  npm run admin -- rollback --doc case/<uuid> --to-seq N   (문서를 N번 시점으로 되돌리는 새 기록 / a new update restoring the state at seq N)
${RECORDS_USAGE}`

const PASSWORD_ARG = '--password는 더 이상 받지 않습니다: 셸 기록과 프로세스 목록에 남기 때문입니다. 비밀번호를 표준 입력으로 주세요: echo … | npm run admin -- <명령> --password-stdin\n' +
  '--password is no longer accepted (it stays in shell history and the process list): use --password-stdin'

const seoulTime = (ms: number | null): string =>
  ms ? `${new Date(ms).toLocaleString('sv-SE', { timeZone: 'Asia/Seoul' })} KST` : '-'

function deviceLine(d: DeviceRecord): string {
  const state = d.revokedAt === null
    ? '사용 중 / active'
    : `해지됨 / revoked ${seoulTime(d.revokedAt)}${d.wipeSentAt ? `, 자료 삭제 지시 전달 / wipe sent ${seoulTime(d.wipeSentAt)}` : ''}`
  return `${d.deviceId}\t${seoulTime(d.lastSeen)}\t${state}`
}

async function run(storage: RelayStorage, command: string | undefined, values: Record<string, string | boolean | undefined>): Promise<void> {
  const str = (k: string) => strOf(values, k)
  if (command && USER_COMMANDS.includes(command)) return runUserCommand(storage, command, values)
  switch (command) {
    case 'revoke-tokens': {
      const user = userNamed(storage, str('username'))
      const n = storage.revokeAccess(user.id, null, operator(), Date.now())
      recordAdminChange(storage, { by: operator(), action: 'revoke-tokens', target: user.id, detail: `sessions=${n}` })
      console.log(`세션 ${n}개를 끊었습니다 / revoked sessions: ${user.username} (${n})`)
      console.log('이 사용자의 기기들은 다음 접속 때 이 사용자의 자료를 지웁니다(열린 연결은 몇 초 안에 끊깁니다). / its devices wipe this user\'s data at their next contact (open connections end within seconds)')
      return
    }
    case 'revoke-device': {
      const user = userNamed(storage, str('username'))
      const device = need(str('device'), 'device')
      if (!storage.listDevices(user.id).some((d) => d.deviceId === device)) {
        throw new UsageError('이 사용자가 쓴 적 없는 기기입니다. list-devices로 기기 ID를 확인하세요. / unknown device for this user: see list-devices')
      }
      const n = storage.revokeAccess(user.id, device, operator(), Date.now())
      recordAdminChange(storage, { by: operator(), action: 'revoke-device', target: user.id, detail: `device=${device} sessions=${n}` })
      console.log(`기기 ${device}를 해지하고 세션 ${n}개를 끊었습니다 / revoked device ${device} of ${user.username} (${n} sessions)`)
      console.log('그 기기는 다음 접속 때 이 사용자의 자료를 지우고, 다시 로그인할 수 없습니다. / it wipes this user\'s data at its next contact and cannot log in again')
      return
    }
    case 'list-devices': {
      const user = userNamed(storage, str('username'))
      const devices = storage.listDevices(user.id)
      if (devices.length === 0) console.log(`기록된 기기가 없습니다 / no devices seen: ${user.username}`)
      else console.log('기기 ID / device id\t마지막 접속 / last seen\t상태 / state')
      for (const d of devices) console.log(deviceLine(d))
      return
    }
    case 'purge-closed': {
      const day = need(str('closed-before'), 'closed-before')
      const problem = checkPurgeDay(day, todayInSeoul())
      if (problem) throw new UsageError(problem)
      const plan = planPurge(storage, day)
      const skipped = plan.unreadable ? ` (읽을 수 없는 사례 ${plan.unreadable}건은 건너뜀 / ${plan.unreadable} unreadable, skipped)` : ''
      if (values['dry-run']) {
        console.log(`${day} 이전에 종결된 사례 ${plan.due.length}건을 파기할 수 있습니다${skipped} / would purge ${plan.due.length} case files closed before ${day}`)
        return
      }
      const purged = storage.purgeDocs(plan.due, operator(), Date.now())
      console.log(`${day} 이전에 종결된 사례 ${purged.length}건을 파기했습니다${skipped} / purged ${purged.length} case files closed before ${day}`)
      const changed = plan.due.length - purged.length
      if (changed) console.log(`${changed}건은 그 사이 바뀌어 남겨 두었습니다 / ${changed} changed meanwhile and were kept`)
      return
    }
    case 'rollback':
      return runRollback(storage, str('doc'), str('to-seq'))
    case 'rotate-epoch':
      storage.rotateEpoch()
      logChange(storage, 'rotate-epoch', '')
      console.log('새 에포크로 바꿨습니다. 기기들이 다음 동기화 때 서버에 없는 내용을 다시 올립니다. / new epoch: devices re-send what the relay lacks at their next sync')
      return
    default:
      throw new UsageError(USAGE)
  }
}

async function main(): Promise<number> {
  if (process.argv.slice(2).some((a) => a === '--password' || a.startsWith('--password='))) {
    console.error(PASSWORD_ARG)
    return 2
  }
  let parsed
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        username: { type: 'string' }, 'password-stdin': { type: 'boolean' },
        role: { type: 'string' }, team: { type: 'string' }, 'team-name': { type: 'string' },
        device: { type: 'string' }, 'closed-before': { type: 'string' }, 'dry-run': { type: 'boolean' },
        user: { type: 'string' }, doc: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, csv: { type: 'boolean' },
        month: { type: 'string' }, 'passphrase-stdin': { type: 'boolean' }, 'to-seq': { type: 'string' },
      },
    })
  } catch {
    console.error(USAGE)
    return 2
  }
  const config = readConfig()
  const records = await runRecordsCommand(parsed.positionals, parsed.values, config)
  if (records !== null) return records
  const storage = openSqliteStorage(config.dataDir, config.sqliteSynchronous)
  try {
    await run(storage, parsed.positionals[0], parsed.values)
    return 0
  } catch (err) {
    console.error(err instanceof UsageError ? err.message : `오류 / error: ${(err as Error).name}`)
    return err instanceof UsageError ? 2 : 1
  } finally {
    storage.close()
  }
}

main().then((code) => process.exit(code))
