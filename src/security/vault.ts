// The account's keys on this device: first login (online), unlock by password or PIN (offline),
// PIN set-up and the rules that bound it. Storage of the wrapped keys is the store's deviceRegistry.
import { deleteAccountData, getAccount, putAccount, updateAccount, userDbName } from '../store/deviceRegistry'
import type { DeviceAccount } from '../store/deviceRegistry'
import { newDataKey, unwrapDataKey, wrapDataKey, WrongSecretError } from './keys'
import type { KeyWrapper } from './keys'
import { DEFAULT_IDLE_MINUTES, DEFAULT_PIN_DAYS, PIN_MAX_FAILURES, pinExpired, pinProblem } from './pinPolicy'
import type { SessionUser } from './session'

const passwordContext = (userId: string) => `password:${userId}`
const pinContext = (userId: string) => `pin:${userId}`

export type PinUnlockErrorCode = 'wrong' | 'exhausted' | 'expired' | 'none'

export class PinUnlockError extends Error {
  readonly code: PinUnlockErrorCode
  readonly remaining: number
  constructor(code: PinUnlockErrorCode, remaining = 0) {
    super(`PIN unlock refused: ${code}`)
    this.name = 'PinUnlockError'
    this.code = code
    this.remaining = remaining
  }
}

export class PinRuleError extends Error {
  readonly problem: string
  constructor(problem: string) {
    super(`PIN refused: ${problem}`)
    this.name = 'PinRuleError'
    this.problem = problem
  }
}

/** The first login of `user` on this device: a new data key, wrapped by the password. */
export async function createDeviceAccount(
  user: SessionUser, password: string | KeyWrapper, now = new Date(),
): Promise<{ account: DeviceAccount; key: CryptoKey }> {
  const key = await newDataKey()
  const at = now.toISOString()
  const previous = await getAccount(user.id)
  // A stale row (its database gone or its key unknown) would hide the new data: start clean.
  if (previous) await deleteAccountData(user.id)
  const account: DeviceAccount = {
    userId: user.id,
    username: user.username,
    role: user.role,
    team: user.team,
    dbName: userDbName(user.id),
    passwordKey: await wrapDataKey(key, password, passwordContext(user.id)),
    lastPasswordAt: at,
    lastUsedAt: at,
    idleMinutes: DEFAULT_IDLE_MINUTES,
    pinDays: DEFAULT_PIN_DAYS,
  }
  await putAccount(account)
  return { account, key }
}

/** Offline unlock by password; renews the PIN's validity. Throws WrongSecretError. */
export async function unlockWithPassword(account: DeviceAccount, password: string, now = new Date()): Promise<CryptoKey> {
  const key = await unwrapDataKey(account.passwordKey, password, passwordContext(account.userId))
  const at = now.toISOString()
  await updateAccount(account.userId, (a) => ({ ...a, lastPasswordAt: at, lastUsedAt: at, ...(a.pin ? { pin: { ...a.pin, failures: 0 } } : {}) }))
  return key
}

/** True when the account may be unlocked by PIN now. */
export function pinUsable(account: DeviceAccount, now = new Date()): boolean {
  return account.pin !== undefined && !pinExpired(account.lastPasswordAt, account.pinDays, now)
}

/** Unlock by PIN. A wrong PIN counts; the fifth in a row, or an expired PIN, erases it. */
export async function unlockWithPin(account: DeviceAccount, pin: string, now = new Date()): Promise<CryptoKey> {
  const current = await getAccount(account.userId)
  if (!current?.pin) throw new PinUnlockError('none')
  if (!pinUsable(current, now)) {
    await clearPin(account.userId)
    throw new PinUnlockError('expired')
  }
  // Counted before trying, so closing the app mid-derivation does not give a free attempt.
  const counted = await updateAccount(account.userId, (a) => (a.pin ? { ...a, pin: { ...a.pin, failures: a.pin.failures + 1 } } : a))
  const failures = counted?.pin?.failures ?? PIN_MAX_FAILURES
  try {
    const key = await unwrapDataKey(current.pin.key, pin, pinContext(account.userId))
    await updateAccount(account.userId, (a) => ({ ...a, lastUsedAt: now.toISOString(), ...(a.pin ? { pin: { ...a.pin, failures: 0 } } : {}) }))
    return key
  } catch (err) {
    if (!(err instanceof WrongSecretError)) throw err
    if (failures >= PIN_MAX_FAILURES) {
      await clearPin(account.userId)
      throw new PinUnlockError('exhausted')
    }
    throw new PinUnlockError('wrong', PIN_MAX_FAILURES - failures)
  }
}

/** Wraps the data key under a new PIN (the app is unlocked, so the key is in memory). */
export async function setPin(userId: string, key: CryptoKey, pin: string, now = new Date()): Promise<void> {
  const problem = pinProblem(pin)
  if (problem) throw new PinRuleError(problem)
  const wrapped = await wrapDataKey(key, pin, pinContext(userId))
  await updateAccount(userId, (a) => ({ ...a, pin: { key: wrapped, failures: 0, setAt: now.toISOString() } }))
}

export async function clearPin(userId: string): Promise<void> {
  await updateAccount(userId, (a) => {
    const { pin: _pin, ...rest } = a
    return rest
  })
}

/** After an online login with `password` (perhaps changed on the relay): wrap the key under it anew. */
export async function rewrapPassword(userId: string, key: CryptoKey, password: string, now = new Date()): Promise<void> {
  const wrapped = await wrapDataKey(key, password, passwordContext(userId))
  const at = now.toISOString()
  await updateAccount(userId, (a) => ({ ...a, passwordKey: wrapped, lastPasswordAt: at, lastUsedAt: at }))
}

export async function markPinOffered(userId: string): Promise<void> {
  await updateAccount(userId, (a) => ({ ...a, pinOffered: true }))
}

export async function setLockTimes(userId: string, times: { idleMinutes?: number; pinDays?: number }): Promise<void> {
  await updateAccount(userId, (a) => ({ ...a, ...times }))
}
