// Admin commands on accounts: add, password, role, team, disable / enable, delete, unlock. Passwords
// come on stdin only (a command-line argument stays in shell history and in `ps`).
import crypto from 'node:crypto'
import { hashPassword, passwordProblem } from '../auth'
import { ROLES } from '../storage/types'
import type { RelayStorage, Role } from '../storage/types'
import { logChange, need, operator, str, userNamed, UsageError } from './cli'
import type { Values } from './cli'

export const USER_COMMANDS = ['add-user', 'list-users', 'set-password', 'set-role', 'set-team', 'disable-user', 'enable-user', 'delete-user', 'unlock']

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin as AsyncIterable<Buffer>) chunks.push(c)
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
}

async function passwordFrom(values: Values, username: string): Promise<string> {
  const pw = values['password-stdin'] ? await readStdin() : ''
  if (!pw) throw new UsageError('비밀번호가 필요합니다: --password-stdin 으로 표준 입력에 주세요. Password required on stdin (--password-stdin).')
  const problem = passwordProblem(pw, username)
  if (problem) throw new UsageError(problem)
  return pw
}

function roleFrom(values: Values): Role {
  const role = need(str(values, 'role'), 'role')
  if (!ROLES.includes(role as Role)) throw new UsageError(`알 수 없는 역할입니다: ${role}. Unknown role; use ${ROLES.join(', ')}.`)
  return role as Role
}

function teamFrom(values: Values): string {
  const team = need(str(values, 'team'), 'team')
  if (!/^[a-z0-9][a-z0-9-]{1,49}$/.test(team)) throw new UsageError('팀 식별자는 영문 소문자·숫자·- 2~50자입니다. Team id: 2–50 of a-z 0-9 -')
  return team
}

/** A team id that does not exist yet is created (named --team-name, or its id). */
const ensureTeam = (storage: RelayStorage, values: Values, team: string) => storage.ensureTeam({ id: team, name: str(values, 'team-name') ?? team })

const ENDED = '열린 세션을 끊었습니다. 다음 로그인부터 적용됩니다. / sessions ended: applies from the next login'

export async function runUserCommand(storage: RelayStorage, command: string, values: Values): Promise<void> {
  switch (command) {
    case 'add-user': {
      const username = need(str(values, 'username'), 'username')
      if (!/^[a-z0-9][a-z0-9._-]{1,49}$/.test(username)) throw new UsageError('아이디는 영문 소문자·숫자·._- 2~50자입니다. Username: 2–50 of a-z 0-9 . _ -')
      const role = roleFrom(values)
      const team = teamFrom(values)
      if (storage.userByName(username)) throw new UsageError(`이미 있는 아이디입니다: ${username}. User already exists.`)
      const password = await passwordFrom(values, username)
      ensureTeam(storage, values, team)
      const id = crypto.randomUUID()
      // A password the administrator chose: the user must replace it at the first login.
      storage.createUser({ id, username, role, team, passwordHash: await hashPassword(password), createdAt: Date.now(), mustChangePassword: true })
      logChange(storage, 'add-user', id, `role=${role} team=${team}`)
      console.log(`사용자를 추가했습니다 / user added: ${username} (${role}, ${team})`)
      console.log('첫 로그인 때 비밀번호를 바꿔야 합니다. / must change the password at the first login')
      return
    }
    case 'list-users':
      for (const u of storage.listUsers()) {
        const flags = [u.disabled ? 'disabled' : '', u.lockedUntil > Date.now() ? 'locked' : '', u.mustChangePassword ? 'must-change' : '']
        console.log([u.username, u.role, u.team, ...flags.filter(Boolean)].join('\t'))
      }
      return
    case 'set-password': {
      const user = userNamed(storage, str(values, 'username'))
      storage.setPasswordHash(user.id, await hashPassword(await passwordFrom(values, user.username)), true)
      storage.revokeTokens(user.id)
      logChange(storage, 'set-password', user.id)
      console.log(`비밀번호를 바꾸고 기존 세션을 끊었습니다 / password changed, sessions revoked: ${user.username}`)
      console.log('다음 로그인 때 사용자가 비밀번호를 다시 바꿔야 합니다. / the user must change it at the next login')
      return
    }
    case 'set-role': {
      const user = userNamed(storage, str(values, 'username'))
      const role = roleFrom(values)
      storage.updateUser(user.id, { role })
      storage.revokeTokens(user.id)
      logChange(storage, 'set-role', user.id, `from=${user.role} to=${role}`)
      console.log(`역할을 바꿨습니다 / role changed: ${user.username} ${user.role} → ${role}`)
      console.log(ENDED)
      return
    }
    case 'set-team': {
      const user = userNamed(storage, str(values, 'username'))
      const team = teamFrom(values)
      ensureTeam(storage, values, team)
      storage.updateUser(user.id, { team })
      storage.revokeTokens(user.id)
      logChange(storage, 'set-team', user.id, `from=${user.team} to=${team}`)
      console.log(`팀을 바꿨습니다 / team changed: ${user.username} ${user.team} → ${team}`)
      console.log(ENDED)
      return
    }
    case 'disable-user': {
      const user = userNamed(storage, str(values, 'username'))
      storage.updateUser(user.id, { disabled: true })
      // Like revoke-tokens: every device of the user erases its copy at its next contact.
      const n = storage.revokeAccess(user.id, null, operator(), Date.now())
      logChange(storage, 'disable-user', user.id, `sessions=${n}`)
      console.log(`계정을 사용 중지했습니다 / account disabled: ${user.username} (${n} sessions ended)`)
      console.log('로그인할 수 없고, 이 사용자의 기기들은 다음 접속 때 자료를 지웁니다. / cannot log in; its devices wipe this user\'s data at their next contact')
      return
    }
    case 'enable-user': {
      const user = userNamed(storage, str(values, 'username'))
      storage.updateUser(user.id, { disabled: false })
      logChange(storage, 'enable-user', user.id)
      console.log(`계정을 다시 쓸 수 있게 했습니다 / account enabled: ${user.username}`)
      return
    }
    case 'delete-user': {
      const user = userNamed(storage, str(values, 'username'))
      // Tokens are revoked (kept as rows) before the account goes, so its devices are still told to wipe.
      const n = storage.revokeAccess(user.id, null, operator(), Date.now())
      storage.deleteUser(user.id)
      logChange(storage, 'delete-user', user.id, `role=${user.role} team=${user.team} sessions=${n}`)
      console.log(`계정을 삭제했습니다 / account deleted: ${user.username} (${n} sessions ended; its devices wipe at next contact)`)
      return
    }
    case 'unlock': {
      const user = userNamed(storage, str(values, 'username'))
      storage.setLoginFailures(user.id, 0, 0)
      logChange(storage, 'unlock', user.id)
      console.log(`로그인 잠금을 풀었습니다 / login lock cleared: ${user.username}`)
      return
    }
    default:
      throw new UsageError(`unknown user command: ${command}`)
  }
}
