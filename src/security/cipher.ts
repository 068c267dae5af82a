// AES-GCM at rest through WebCrypto. Every sealed value is bound to what it is (the additional
// data names the document or record), so a row moved onto another record's place does not decrypt.
// Layout: [format 1][12-byte random IV][ciphertext + 16-byte tag]. Random 96-bit IVs are safe far
// beyond what one device writes under one key (NIST SP 800-38D: up to 2^32 messages).

const FORMAT = 1
const IV_BYTES = 12
const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** The bytes did not decrypt: wrong key, wrong record, or altered on disk. */
export class DecryptError extends Error {
  constructor() {
    super('sealed data could not be decrypted')
    this.name = 'DecryptError'
  }
}

export async function seal(key: CryptoKey, plain: Uint8Array, context: string): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const cipher = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    key,
    plain as Uint8Array<ArrayBuffer>,
  )
  const out = new Uint8Array(1 + IV_BYTES + cipher.byteLength)
  out[0] = FORMAT
  out.set(iv, 1)
  out.set(new Uint8Array(cipher), 1 + IV_BYTES)
  return out
}

export async function unseal(key: CryptoKey, sealed: Uint8Array, context: string): Promise<Uint8Array> {
  if (!ArrayBuffer.isView(sealed) || sealed.byteLength < 1 + IV_BYTES + 16 || sealed[0] !== FORMAT) throw new DecryptError()
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.subarray(1, 1 + IV_BYTES) as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(context) },
      key,
      sealed.subarray(1 + IV_BYTES) as Uint8Array<ArrayBuffer>,
    )
    return new Uint8Array(plain)
  } catch {
    throw new DecryptError()
  }
}

export async function sealJson(key: CryptoKey, value: unknown, context: string): Promise<Uint8Array> {
  return seal(key, encoder.encode(JSON.stringify(value)), context)
}

export async function unsealJson<T>(key: CryptoKey, sealed: Uint8Array, context: string): Promise<T> {
  return JSON.parse(decoder.decode(await unseal(key, sealed, context))) as T
}
