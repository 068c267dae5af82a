// The one seam for document bytes at rest: every update row is written and read through it, so
// at-rest AES-GCM can be added here later without touching callers (hence async already).

/** What an update row holds on disk. Plain bytes today; ciphertext once encryption lands. */
export type StoredBytes = Uint8Array

export async function encodeForStorage(bytes: Uint8Array): Promise<StoredBytes> {
  // A view into a larger buffer (e.g. one update inside a decoded sync page) would be stored with
  // the whole buffer: IndexedDB clones the ArrayBuffer, not the view. Store only these bytes.
  return ownsBuffer(bytes) ? bytes : bytes.slice()
}

function ownsBuffer(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
}

export async function decodeFromStorage(stored: StoredBytes): Promise<Uint8Array> {
  return stored
}

export async function encodeMany(items: Uint8Array[]): Promise<StoredBytes[]> {
  return Promise.all(items.map(encodeForStorage))
}

export async function decodeMany(items: StoredBytes[]): Promise<Uint8Array[]> {
  return Promise.all(items.map(decodeFromStorage))
}
