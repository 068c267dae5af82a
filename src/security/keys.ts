// Device keys. Each user's data on a device is encrypted with a random data key (AES-GCM 256). The
// data key is stored only wrapped: sealed with a key derived from the password (and, for
// convenience, another derived from a PIN). PBKDF2-SHA-256 at 600,000 iterations (OWASP 2023) is
// native in every browser, so no KDF code ships in the bundle.
import { seal, unseal, DecryptError } from './cipher'

export const PBKDF2_ITERATIONS = 600_000
const SALT_BYTES = 16

export interface WrappedKey {
  kdf: 'PBKDF2-SHA-256'
  iterations: number
  salt: Uint8Array
  sealed: Uint8Array
}

/** The password or PIN did not unwrap the key. */
export class WrongSecretError extends Error {
  constructor() {
    super('wrong password or PIN')
    this.name = 'WrongSecretError'
  }
}

/** A new random data key. Extractable so it can be re-wrapped (new PIN, changed password) while unlocked. */
export function newDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt'])
}

async function deriveKek(secret: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ])
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

/** A fresh salt and the key derived from `secret` with it, to wrap a data key (wrapDataKey). */
export interface KeyWrapper {
  salt: Uint8Array
  iterations: number
  kek: Promise<CryptoKey>
}

/** Starts the (slow) derivation now, e.g. while the relay checks the same password at first login. */
export function keyWrapper(secret: string, iterations = PBKDF2_ITERATIONS): KeyWrapper {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const kek = deriveKek(secret, salt, iterations)
  kek.catch(() => undefined) // awaited by wrapDataKey; not unhandled if the login fails first
  return { salt, iterations, kek }
}

/** Seals the data key under a key derived from `secret`; `context` binds it to one account and purpose. */
export async function wrapDataKey(
  dataKey: CryptoKey,
  secret: string | KeyWrapper,
  context: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<WrappedKey> {
  const wrapper = typeof secret === 'string' ? keyWrapper(secret, iterations) : secret
  const kek = await wrapper.kek
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', dataKey))
  try {
    return { kdf: 'PBKDF2-SHA-256', iterations: wrapper.iterations, salt: wrapper.salt, sealed: await seal(kek, raw, context) }
  } finally {
    raw.fill(0)
  }
}

export async function unwrapDataKey(wrapped: WrappedKey, secret: string, context: string): Promise<CryptoKey> {
  const kek = await deriveKek(secret, wrapped.salt, wrapped.iterations)
  let raw: Uint8Array
  try {
    raw = await unseal(kek, wrapped.sealed, context)
  } catch (err) {
    if (err instanceof DecryptError) throw new WrongSecretError()
    throw err
  }
  try {
    return await crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, true, ['encrypt', 'decrypt'])
  } finally {
    raw.fill(0)
  }
}
