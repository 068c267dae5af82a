// A data key for stores opened by tests (the app gets its key from the unlock; see src/security).
export const TEST_STORE_KEY: CryptoKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
  'encrypt',
  'decrypt',
])
