// `npm run admin -- <command>`: manage users in DATA_DIR's database, whether or not the relay runs.
// Never prints a password or a token.
import crypto from 'node:crypto'
import { parseArgs } from 'node:util'
import { hashPassword, passwordProblem } from './auth'
import { readConfig } from './config'
import { openSqliteStorage } from './storage/sqlite'
import { ROLES } from './storage/types'
import type { RelayStorage, Role } from './storage/types'

class UsageError extends Error {}

const USAGE = `사용법 / usage:
  npm run admin -- add-user --username U (--password P | --password-stdin) --role worker|supervisor|volunteer|admin --team TEAM [--team-name 이름]
  npm run admin -- list-users
  npm run admin -- revoke-tokens --username U        (분실 기기 / lost device)
  npm run admin -- set-password --username U (--password P | --password-stdin)
  npm run admin -- rotate-epoch                      (DATA_DIR 전체를 백업에서 복원한 뒤 / after restoring the whole DATA_DIR from a backup)`

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin as AsyncIterable<Buffer>) chunks.push(c)
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
}

async function passwordFrom(values: { password?: string; 'password-stdin'?: boolean }): Promise<string> {
  const pw = values['password-stdin'] ? await readStdin() : values.password
  if (!pw) throw new UsageError('비밀번호가 필요합니다 (--password 또는 --password-stdin). Password required.')
  const problem = passwordProblem(pw)
  if (problem) throw new UsageError(problem)
  return pw
}

function need(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`--${flag} 값이 필요합니다. Missing --${flag}.`)
  return value
}

async function run(storage: RelayStorage, command: string | undefined, values: Record<string, string | boolean | undefined>): Promise<void> {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined)
  switch (command) {
    case 'add-user': {
      const username = need(str('username'), 'username')
      if (!/^[a-z0-9][a-z0-9._-]{1,49}$/.test(username)) throw new UsageError('아이디는 영문 소문자·숫자·._- 2~50자입니다. Username: 2–50 of a-z 0-9 . _ -')
      const role = need(str('role'), 'role')
      if (!ROLES.includes(role as Role)) throw new UsageError(`알 수 없는 역할입니다: ${role}. Unknown role; use ${ROLES.join(', ')}.`)
      const team = need(str('team'), 'team')
      if (!/^[a-z0-9][a-z0-9-]{1,49}$/.test(team)) throw new UsageError('팀 식별자는 영문 소문자·숫자·- 2~50자입니다. Team id: 2–50 of a-z 0-9 -')
      if (storage.userByName(username)) throw new UsageError(`이미 있는 아이디입니다: ${username}. User already exists.`)
      const password = await passwordFrom(values)
      storage.ensureTeam({ id: team, name: str('team-name') ?? team })
      storage.createUser({ id: crypto.randomUUID(), username, role: role as Role, team, passwordHash: await hashPassword(password), createdAt: Date.now() })
      console.log(`사용자를 추가했습니다 / user added: ${username} (${role}, ${team})`)
      return
    }
    case 'list-users':
      for (const u of storage.listUsers()) console.log(`${u.username}\t${u.role}\t${u.team}`)
      return
    case 'revoke-tokens': {
      const user = storage.userByName(need(str('username'), 'username'))
      if (!user) throw new UsageError('없는 사용자입니다. No such user.')
      console.log(`세션 ${storage.revokeTokens(user.id)}개를 끊었습니다 / revoked sessions: ${user.username}`)
      return
    }
    case 'set-password': {
      const user = storage.userByName(need(str('username'), 'username'))
      if (!user) throw new UsageError('없는 사용자입니다. No such user.')
      storage.setPasswordHash(user.id, await hashPassword(await passwordFrom(values)))
      storage.revokeTokens(user.id)
      console.log(`비밀번호를 바꾸고 기존 세션을 끊었습니다 / password changed, sessions revoked: ${user.username}`)
      return
    }
    case 'rotate-epoch':
      storage.rotateEpoch()
      console.log('새 에포크로 바꿨습니다. 기기들이 다음 동기화 때 서버에 없는 내용을 다시 올립니다. / new epoch: devices re-send what the relay lacks at their next sync')
      return
    default:
      throw new UsageError(USAGE)
  }
}

async function main(): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        username: { type: 'string' }, password: { type: 'string' }, 'password-stdin': { type: 'boolean' },
        role: { type: 'string' }, team: { type: 'string' }, 'team-name': { type: 'string' },
      },
    })
  } catch {
    console.error(USAGE)
    return 2
  }
  const config = readConfig()
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
