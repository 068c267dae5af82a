// What a password must be (개인정보의 안전성 확보조치 기준 제5조⑤ 비밀번호 작성규칙; KISA 패스워드 선택 및
// 이용 안내서): 10+ characters of at least 2 kinds, or 8+ of at least 3 kinds, the kinds being
// 영문 대문자 / 소문자 / 숫자 / 특수문자; not a listed or keyboard-walk password; not containing the username.
import { isBlocked } from './passwordBlocklist'

export type PasswordProblem = 'length' | 'kinds' | 'common' | 'username' | 'same'

const TEXT: Record<PasswordProblem, { ko: string; en: string }> = {
  length: {
    ko: '비밀번호는 8자 이상 256자 이하여야 합니다.',
    en: 'Password must be 8–256 characters.',
  },
  kinds: {
    ko: '비밀번호는 영문 대문자·소문자·숫자·특수문자 중 두 종류 이상으로 10자 이상, 또는 세 종류 이상으로 8자 이상이어야 합니다.',
    en: 'Use 10+ characters of two kinds, or 8+ of three kinds (upper case, lower case, digits, symbols).',
  },
  common: {
    ko: '너무 흔하거나 키보드 배열을 따라 친 비밀번호라 쓸 수 없습니다.',
    en: 'That password is too common or a keyboard pattern.',
  },
  username: {
    ko: '비밀번호에 아이디를 넣을 수 없습니다.',
    en: 'The password must not contain the username.',
  },
  same: {
    ko: '새 비밀번호가 지금 비밀번호와 같습니다.',
    en: 'The new password is the same as the current one.',
  },
}

export const passwordProblemKo = (p: PasswordProblem): string => TEXT[p].ko
/** Korean and English, for the admin CLI. */
export const passwordProblemText = (p: PasswordProblem): string => `${TEXT[p].ko} (${TEXT[p].en})`

export function checkPassword(password: string, username = ''): PasswordProblem | null {
  if (password.length < 8 || password.length > 256) return 'length'
  const kinds = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  if (!((password.length >= 10 && kinds >= 2) || kinds >= 3)) return 'kinds'
  if (isBlocked(password)) return 'common'
  const name = username.trim().toLowerCase()
  if (name.length >= 3 && password.toLowerCase().includes(name)) return 'username'
  return null
}
