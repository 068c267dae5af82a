// The device's list of accounts (`doum-device` database): who has data on this device, under which
// database, and their data key wrapped by password and PIN. It holds no data about clients: the
// username, role and team are needed to show the unlock screen before any key is in memory.
import Dexie, { type Table } from 'dexie'
import type { WrappedKey } from '../security/keys'
import { userDbName } from './db'

export const REGISTRY_DB_NAME = 'doum-device'

export interface PinWrap {
  key: WrappedKey
  /** Wrong PINs in a row; at the limit the PIN is erased. */
  failures: number
  setAt: string
}

export interface DeviceAccount {
  userId: string
  username: string
  role: string
  team: string
  dbName: string
  passwordKey: WrappedKey
  pin?: PinWrap
  /** Last password login or password unlock: a PIN is honoured only for a while after it. */
  lastPasswordAt: string
  lastUsedAt: string
  /** Auto-lock after this many idle (or hidden) minutes. */
  idleMinutes: number
  /** PIN unlock stops this many days after the last password login. */
  pinDays: number
  /** The one-time "set a PIN" offer was answered. */
  pinOffered?: boolean
}

class RegistryDb extends Dexie {
  accounts!: Table<DeviceAccount, string>
  constructor(name: string) {
    super(name)
    this.version(1).stores({ accounts: 'userId, username' })
  }
}

let registry: RegistryDb | null = null
let registryName = REGISTRY_DB_NAME

function db(): RegistryDb {
  registry ??= new RegistryDb(registryName)
  return registry
}

/** Tests give each case its own registry database. */
export function useRegistryDatabase(name: string): void {
  registry?.close()
  registry = null
  registryName = name
}

export async function listAccounts(): Promise<DeviceAccount[]> {
  const rows = await db().accounts.toArray()
  return rows.sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt))
}

export function getAccount(userId: string): Promise<DeviceAccount | undefined> {
  return db().accounts.get(userId)
}

export async function findAccountByUsername(username: string): Promise<DeviceAccount | undefined> {
  return db().accounts.where('username').equals(username).first()
}

export async function putAccount(account: DeviceAccount): Promise<void> {
  await db().accounts.put(account)
}

/** Applies `change` to the stored row in one transaction (failure counts must not race). */
export async function updateAccount(userId: string, change: (a: DeviceAccount) => DeviceAccount): Promise<DeviceAccount | undefined> {
  const d = db()
  return d.transaction('rw', d.accounts, async () => {
    const row = await d.accounts.get(userId)
    if (!row) return undefined
    const next = change(row)
    await d.accounts.put(next)
    return next
  })
}

/** Removes the account and deletes its whole database from this device. */
export async function deleteAccountData(userId: string): Promise<void> {
  await db().accounts.delete(userId)
  await Dexie.delete(userDbName(userId))
}

export { userDbName }
