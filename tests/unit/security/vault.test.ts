// Keys on the device: the data key opens only with the right password or PIN; the PIN is bounded by
// tries and by time since the last password login. Real WebCrypto (Node's), real PBKDF2 iterations.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seal, unseal, DecryptError } from '../../../src/security/cipher'
import { PBKDF2_ITERATIONS, WrongSecretError, newDataKey, unwrapDataKey, wrapDataKey } from '../../../src/security/keys'
import { pinExpired, pinProblem, PIN_MAX_FAILURES } from '../../../src/security/pinPolicy'
import { PinUnlockError, PinRuleError, createDeviceAccount, setPin, unlockWithPassword, unlockWithPin } from '../../../src/security/vault'
import { getAccount, useRegistryDatabase } from '../../../src/store/deviceRegistry'

const user = { id: '2f0c2a8e-2b7e-4c55-9a55-0a6b9c1d2e3f', username: 'test.worker', role: 'worker' as const, team: 'dong-sinchon' }
const text = (b: Uint8Array) => new TextDecoder().decode(b)

describe('cipher', () => {
  it('opens only with the same key and the same context', async () => {
    const key = await newDataKey()
    const sealed = await seal(key, new TextEncoder().encode('홍길동 010-1234-5678'), 'case:a')
    expect(text(await unseal(key, sealed, 'case:a'))).toBe('홍길동 010-1234-5678')
    await expect(unseal(key, sealed, 'case:b')).rejects.toBeInstanceOf(DecryptError)
    await expect(unseal(await newDataKey(), sealed, 'case:a')).rejects.toBeInstanceOf(DecryptError)
    const altered = sealed.slice()
    altered[20] = (altered[20] as number) ^ 1
    await expect(unseal(key, altered, 'case:a')).rejects.toBeInstanceOf(DecryptError)
  })
})

describe('wrapped data key', () => {
  it('unwraps with the password at full PBKDF2 strength and refuses a wrong one', async () => {
    const key = await newDataKey()
    const wrapped = await wrapDataKey(key, 'Correct-horse-7', 'password:u')
    expect(wrapped.iterations).toBe(PBKDF2_ITERATIONS)
    const again = await unwrapDataKey(wrapped, 'Correct-horse-7', 'password:u')
    const probe = await seal(key, new Uint8Array([1, 2, 3]), 'x')
    expect([...(await unseal(again, probe, 'x'))]).toEqual([1, 2, 3])
    await expect(unwrapDataKey(wrapped, 'correct-horse-7', 'password:u')).rejects.toBeInstanceOf(WrongSecretError)
    await expect(unwrapDataKey(wrapped, 'Correct-horse-7', 'password:other')).rejects.toBeInstanceOf(WrongSecretError)
  })
})

describe('PIN rules', () => {
  it('refuses short, repeated and straight PINs', () => {
    expect(pinProblem('12345')).toBe('format')
    expect(pinProblem('12a456')).toBe('format')
    expect(pinProblem('000000')).toBe('repeated')
    expect(pinProblem('123456')).toBe('sequence')
    expect(pinProblem('987654')).toBe('sequence')
    expect(pinProblem('270415')).toBeNull()
  })
  it('expires a set number of days after the last password login', () => {
    const at = '2026-11-20T00:00:00.000Z'
    expect(pinExpired(at, 7, new Date('2026-11-26T23:59:59Z'))).toBe(false)
    expect(pinExpired(at, 7, new Date('2026-11-27T00:00:00Z'))).toBe(true)
  })
})

describe('device account', () => {
  beforeEach(() => useRegistryDatabase(`registry-${crypto.randomUUID()}`))
  afterEach(() => useRegistryDatabase(`registry-${crypto.randomUUID()}`))

  it('unlocks by password and by PIN; five wrong PINs erase the PIN, the password still works', async () => {
    const { account, key } = await createDeviceAccount(user, 'Sinchon-2026!')
    await expect(setPin(user.id, key, '123456')).rejects.toBeInstanceOf(PinRuleError)
    await setPin(user.id, key, '270415')
    const probe = await seal(key, new Uint8Array([9]), 'p')

    const byPin = await unlockWithPin(account, '270415')
    expect([...(await unseal(byPin, probe, 'p'))]).toEqual([9])
    await expect(unlockWithPassword(account, 'sinchon-2026!')).rejects.toBeInstanceOf(WrongSecretError)

    for (let i = 1; i < PIN_MAX_FAILURES; i++) {
      const err = await unlockWithPin(account, '111112').catch((e: unknown) => e)
      expect(err).toBeInstanceOf(PinUnlockError)
      expect((err as PinUnlockError).code).toBe('wrong')
      expect((err as PinUnlockError).remaining).toBe(PIN_MAX_FAILURES - i)
    }
    const last = await unlockWithPin(account, '111112').catch((e: unknown) => e)
    expect((last as PinUnlockError).code).toBe('exhausted')
    expect((await getAccount(user.id))?.pin).toBeUndefined()
    // Even the right PIN no longer opens anything.
    expect(((await unlockWithPin(account, '270415').catch((e: unknown) => e)) as PinUnlockError).code).toBe('none')
    const byPassword = await unlockWithPassword(account, 'Sinchon-2026!')
    expect([...(await unseal(byPassword, probe, 'p'))]).toEqual([9])
  })

  it('a right PIN resets the count; a PIN past its days is erased', async () => {
    const { account, key } = await createDeviceAccount(user, 'Sinchon-2026!', new Date('2026-11-01T00:00:00Z'))
    await setPin(user.id, key, '270415')
    await expect(unlockWithPin(account, '999990', new Date('2026-11-02T00:00:00Z'))).rejects.toBeInstanceOf(PinUnlockError)
    await unlockWithPin(account, '270415', new Date('2026-11-02T00:00:00Z'))
    expect((await getAccount(user.id))?.pin?.failures).toBe(0)
    const late = await unlockWithPin(account, '270415', new Date('2026-11-09T00:00:00Z')).catch((e: unknown) => e)
    expect((late as PinUnlockError).code).toBe('expired')
    expect((await getAccount(user.id))?.pin).toBeUndefined()
  })
})
