// Passwords refused whatever their length and mix: the most common ones (KISA 패스워드 선택 및 이용 안내서:
// no dictionary words, keyboard sequences or well-known passwords), compared in lower case. The demo
// organisation's synthetic password is here too: only the seeded demo accounts may have it.
export const BLOCKED_PASSWORDS: ReadonlySet<string> = new Set([
  'password', 'password1', 'password12', 'password123', 'password1!', 'password!', 'p@ssw0rd', 'p@ssword', 'passw0rd',
  'p@ssw0rd1', 'p@ssw0rd!', 'passw0rd!', 'password@1', 'pass1234', 'pass1234!', 'pass@1234',
  'qwer1234', 'qwer1234!', 'qwer!234', 'qwe123!@#', 'qwert12345', 'qwerty123', 'qwerty1!', 'qwerty123!', 'qwerty12!',
  'q1w2e3r4', 'q1w2e3r4!', '1q2w3e4r', '1q2w3e4r!', '1q2w3e4r5t', '1q2w3e4r!@', '1qaz2wsx', '1qaz2wsx!', '1qaz@wsx',
  '1qazxsw2', 'zaq12wsx', 'zaq1@wsx', 'asdf1234', 'asdf1234!', 'asdf!234', 'zxcv1234', 'zxcv1234!', 'abcd1234',
  'abcd1234!', 'abc12345', 'abc123!@#', 'abcd!234', 'a1234567', 'a123456789', 'a1b2c3d4', 'a1b2c3d4!',
  'iloveyou1', 'iloveyou!', 'letmein1', 'letmein!', 'welcome1', 'welcome1!', 'welcome123', 'admin123', 'admin1234',
  'admin123!', 'admin1234!', 'administrator1', 'sunshine1', 'monkey123', 'dragon123', 'football1', 'baseball1',
  'master123', 'superman1', 'trustno1', 'changeme1', 'changeme!', 'test1234', 'test1234!', 'korea123', 'korea1234!',
  'seoul1234', 'seoul1234!', 'love1234', 'love1234!', 'doum1234', 'doum1234!', 'demo1234', 'demo2026!',
])

// Keyboard rows and digit runs: a password that is only runs of these (4 or more in a row) plus one
// symbol, such as 'qwerasdf1234!', is a keyboard walk.
const WALKS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'abcdefghijklmnopqrstuvwxyz', '!@#$%^&*()']
const WORDS = ['password', 'passw0rd', 'p@ssw0rd', 'qwerty', 'admin', 'welcome', 'iloveyou', 'letmein', 'doum', 'demo']

function withoutWalks(s: string): string {
  let rest = s
  for (const row of WALKS) {
    for (const line of [row, [...row].reverse().join('')]) {
      for (let len = line.length; len >= 4; len--) {
        for (let i = 0; i + len <= line.length; i++) rest = rest.split(line.slice(i, i + len)).join('')
      }
    }
  }
  return rest
}

/** True for a listed password, a keyboard walk, or a common word with digits and symbols around it. */
export function isBlocked(password: string): boolean {
  const p = password.toLowerCase()
  if (BLOCKED_PASSWORDS.has(p)) return true
  if (withoutWalks(p).length <= 1) return true
  const core = p.replace(/^[^a-z@]+|[^a-z@]+$/g, '')
  return WORDS.includes(core)
}
