// Password hashing: scrypt at N = 2^17, r = 8 (128 MiB, about 0.4 s per hash on one core), the
// "slow one-way function" of 개인정보의 안전성 확보조치 기준 제7조②. The parameters live in each stored
// hash, so hashes made with older ones still verify and are replaced at the next successful login.
import crypto from 'node:crypto'
import { promisify } from 'node:util'

const scrypt = promisify(crypto.scrypt) as (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 }
// 128·N·r bytes are needed; room for one step up, and a cap so a forged hash cannot ask for more.
const MAXMEM = 256 * 1024 * 1024
const MAX_N = 2 ** 18
const KEY_LEN = 32

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16)
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LEN, { ...SCRYPT, maxmem: MAXMEM })
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`
}

function parse(stored: string): { N: number; r: number; p: number; salt: Buffer; key: Buffer } | null {
  const [alg, n, r, p, salt, key] = stored.split('$')
  const N = Number(n), R = Number(r), P = Number(p)
  if (alg !== 'scrypt' || !salt || !key) return null
  if (!Number.isInteger(N) || N < 2 || N > MAX_N || R !== 8 || !Number.isInteger(P) || P < 1 || P > 4) return null
  return { N, r: R, p: P, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') }
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parse(stored)
  if (!h || h.key.length !== KEY_LEN) return false
  const actual = await scrypt(password.normalize('NFC'), h.salt, KEY_LEN, { N: h.N, r: h.r, p: h.p, maxmem: MAXMEM })
  return crypto.timingSafeEqual(actual, h.key)
}

/** True when a stored hash was made with weaker parameters than today's: rehash it at the next login. */
export function needsRehash(stored: string): boolean {
  const h = parse(stored)
  return !h || h.N < SCRYPT.N || h.p !== SCRYPT.p
}
