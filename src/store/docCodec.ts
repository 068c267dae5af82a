// The one seam for bytes at rest: every update row, projection summary and sealed meta value is
// written and read through it, AES-GCM with the data key of the store it goes into (`db.key`: taken
// from the same open database as the write, so work left over from another user's session can
// never seal rows into this one). The additional data names the record (document name, case id,
// meta key), so ciphertext cannot be swapped between records.
import { seal, sealJson, unseal, unsealJson } from '../security/cipher'

/** What an update row holds on disk: [format][IV][AES-GCM ciphertext]. */
export type StoredBytes = Uint8Array

const docContext = (name: string) => `doc:${name}`

export function encodeForStorage(key: CryptoKey, name: string, bytes: Uint8Array): Promise<StoredBytes> {
  // WebCrypto copies its input, so a view into a larger sync page never drags the page buffer along.
  return seal(key, bytes, docContext(name))
}

export function decodeFromStorage(key: CryptoKey, name: string, stored: StoredBytes): Promise<Uint8Array> {
  return unseal(key, stored, docContext(name))
}

/** Seals many updates; `name` is one document's name, or one name per item. */
export function encodeMany(key: CryptoKey, name: string | readonly string[], items: readonly Uint8Array[]): Promise<StoredBytes[]> {
  return Promise.all(items.map((bytes, i) => seal(key, bytes, docContext(typeof name === 'string' ? name : (name[i] as string)))))
}

export function decodeMany(key: CryptoKey, name: string, items: readonly StoredBytes[]): Promise<Uint8Array[]> {
  return Promise.all(items.map((stored) => unseal(key, stored, docContext(name))))
}

/** Seals a JSON value (a projection summary, the session, a draft) bound to `context`. */
export function sealValue(key: CryptoKey, context: string, value: unknown): Promise<Uint8Array> {
  return sealJson(key, value, context)
}

export function openValue<T>(key: CryptoKey, context: string, sealed: Uint8Array): Promise<T> {
  return unsealJson<T>(key, sealed, context)
}
