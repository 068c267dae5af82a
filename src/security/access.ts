// Who uses the app on this device right now, and whether it is locked. The Gate renders from this
// state; every change of it (sign-in, unlock, lock, logout, wipe) runs one at a time.
import { useSyncExternalStore } from 'react'
// The store (Dexie, Yjs, the domain) is loaded when an account is opened, not with the lock screen.
const loadStore = () => import('../store')
import { deleteAccountData, findAccountByUsername, getAccount, listAccounts } from '../store/deviceRegistry'
import type { DeviceAccount } from '../store/deviceRegistry'
import { keyWrapper, WrongSecretError } from './keys'
import { endSessionOnRelay, forgetSession, keepSession, loadSession, LoginError, MustChangePasswordError, requestSession, currentSession } from './session'
import { createDeviceAccount, rewrapPassword, unlockWithPassword, unlockWithPin } from './vault'

export type AccessNotice = 'idle' | 'loggedOut' | 'revoked' | 'wipedElsewhere'

export type AccessState =
  | { status: 'loading' }
  | { status: 'locked'; accounts: DeviceAccount[]; notice?: AccessNotice }
  | { status: 'unlocked'; account: DeviceAccount }

let state: AccessState = { status: 'loading' }
let dataKey: CryptoKey | null = null
let chain: Promise<unknown> = Promise.resolve()
const listeners = new Set<() => void>()

function publish(next: AccessState): void {
  state = next
  for (const l of [...listeners]) l()
}

/** Runs access changes one after another (a lock during an unlock must not interleave). */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = chain.then(task)
  chain = run.catch(() => undefined)
  return run
}

const ACCESS_CHANNEL = 'doum-access'
type AccessMessage = { type: 'wiped'; userId: string }
let channel: BroadcastChannel | null | undefined

function accessChannel(): BroadcastChannel | null {
  if (channel !== undefined) return channel
  channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(ACCESS_CHANNEL)
  if (channel) {
    ;(channel as { unref?: () => void }).unref?.()
    channel.onmessage = (e: MessageEvent<AccessMessage>) => {
      // Another tab logged this user out or was told to wipe: this tab's copy is gone too.
      if (e.data?.type === 'wiped' && state.status === 'unlocked' && state.account.userId === e.data.userId) {
        void serial(() => close('wipedElsewhere', false))
      }
    }
  }
  return channel
}

export function getAccessState(): AccessState {
  return state
}

export function subscribeAccess(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function useAccess(): AccessState {
  return useSyncExternalStore(subscribeAccess, getAccessState, getAccessState)
}

/** The data key while unlocked (to wrap it under a new PIN). */
export function unlockedKey(): CryptoKey | null {
  return dataKey
}

export function initAccess(): Promise<void> {
  accessChannel()
  return serial(async () => {
    if (state.status === 'loading') publish({ status: 'locked', accounts: await listAccounts() })
  })
}

async function enter(account: DeviceAccount, key: CryptoKey): Promise<void> {
  ;(await loadStore()).openStore(account.dbName, key)
  dataKey = key
  await loadSession()
  publish({ status: 'unlocked', account: (await getAccount(account.userId)) ?? account })
}

/**
 * Sign-in from the login screen. A user with data on this device unlocks offline with the password;
 * a new user needs the relay (first login on a device). A password an administrator set throws
 * MustChangePasswordError before anything is stored: the screen changes it, then signs in again.
 */
export function signIn(username: string, password: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  return serial(async () => {
    if (!username.trim() || !password) throw new LoginError('missing')
    const known = await findAccountByUsername(username.trim())
    if (known) return passwordUnlock(known, password, fetchImpl)
    const deviceId = crypto.randomUUID()
    // The device's key derivation runs while the relay checks the password (both take a while).
    const wrapper = keyWrapper(password)
    const session = await requestSession(username, password, deviceId, fetchImpl)
    if (session.mustChangePassword) throw new MustChangePasswordError(session)
    const { account, key } = await createDeviceAccount(session.user, wrapper)
    const store = await loadStore()
    store.openStore(account.dbName, key)
    await store.setDeviceId(deviceId)
    await keepSession(session)
    await store.importLegacyStore(session.user.id)
    await enter(account, key)
  })
}

async function passwordUnlock(account: DeviceAccount, password: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  let key: CryptoKey
  try {
    key = await unlockWithPassword(account, password)
  } catch (err) {
    throw err instanceof WrongSecretError ? new LoginError('credentials') : err
  }
  await enter(account, key)
  // Online: also renew the relay token with the password just typed (failure changes nothing).
  if (typeof navigator !== 'undefined' && navigator.onLine) void refreshToken(password, fetchImpl).catch(() => undefined)
}

export function unlockByPassword(account: DeviceAccount, password: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  return serial(() => passwordUnlock(account, password, fetchImpl))
}

export function unlockByPin(account: DeviceAccount, pin: string): Promise<void> {
  return serial(async () => enter(account, await unlockWithPin(account, pin)))
}

/** A new relay token for the unlocked user (expired or revoked session); re-wraps the key under the password. */
export function refreshToken(password: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  const run = serial(async () => {
    if (state.status !== 'unlocked' || !dataKey) throw new LoginError('missing')
    const { account } = state
    const session = await requestSession(account.username, password, await (await loadStore()).getDeviceId(), fetchImpl)
    if (session.user.id !== account.userId) throw new LoginError('otherUser')
    await keepSession(session)
    await rewrapPassword(account.userId, dataKey, password)
  })
  // The relay refuses this device (revoked by an admin): its data leaves the device, as on a Wipe.
  run.catch((err: unknown) => {
    if (err instanceof LoginError && err.code === 'revoked') void wipeAndSignOut('revoked', fetchImpl)
  })
  return run
}

/** Locks: the screen goes first, then pending writes are flushed and the key leaves memory. */
export function lock(notice?: AccessNotice): Promise<void> {
  return serial(() => close(notice, true))
}

async function close(notice: AccessNotice | undefined, flush: boolean): Promise<void> {
  if (state.status !== 'unlocked') return
  publish({ status: 'locked', accounts: await listAccounts(), ...(notice ? { notice } : {}) })
  const store = await loadStore()
  if (flush) {
    await store.whenDraftsSaved().catch(() => undefined)
    await store.whenAllWritten().catch(() => undefined)
  }
  store.closeStore()
  forgetSession()
  dataKey = null
  publish({ status: 'locked', accounts: await listAccounts(), ...(notice ? { notice } : {}) })
}

/**
 * Logout (asked twice by the screen when changes are pending) or an admin's revocation: the user's
 * whole database leaves this device, in every tab.
 */
export function wipeAndSignOut(reason: 'loggedOut' | 'revoked', fetchImpl: typeof fetch = fetch): Promise<void> {
  return serial(async () => {
    if (state.status !== 'unlocked') return
    const { userId } = state.account
    const session = currentSession()
    // The notice ("… 지웠습니다") comes once the data is gone, not when the screen locks.
    await close(undefined, false)
    if (reason === 'loggedOut') await endSessionOnRelay(session, fetchImpl)
    await deleteAccountData(userId)
    accessChannel()?.postMessage({ type: 'wiped', userId } satisfies AccessMessage)
    publish({ status: 'locked', accounts: await listAccounts(), notice: reason })
  })
}

/** Tests: back to the state of a fresh page. */
export function resetAccessForTests(): void {
  state = { status: 'loading' }
  dataKey = null
  chain = Promise.resolve()
}

/** Re-reads the unlocked account's device settings (PIN, lock times) after a change. */
export function reloadAccount(): Promise<void> {
  return serial(async () => {
    if (state.status !== 'unlocked') return
    const row = await getAccount(state.account.userId)
    if (row) publish({ status: 'unlocked', account: row })
  })
}
