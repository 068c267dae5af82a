// Small device facts in the `meta` table: device id, sync cursor, session, settings.
import { DEFAULT_DEADLINES, DeadlineSettingsSchema } from '../domain'
import type { DeadlineSettings, Locale } from '../domain'
import { getDb, onStoreClose } from './db'
import type { DoumDb } from './db'
import { openValue, sealValue } from './docCodec'
import * as z from 'zod/mini'
import { NO_RELAY_MARK, type RelayMark } from '../sync/syncStore'

export interface Settings {
  deadlines: DeadlineSettings
  locale: Locale
}

export const DEFAULT_SETTINGS: Settings = { deadlines: DEFAULT_DEADLINES, locale: 'ko' }

export const SettingsSchema = z.object({ deadlines: DeadlineSettingsSchema, locale: z.enum(['ko', 'en']) })

async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await getDb().meta.get(key))?.value as T | undefined
}

async function setMeta(key: string, value: unknown): Promise<void> {
  await getDb().meta.put({ key, value })
}

/** A random id made once per device and user (per database); the relay binds tokens to it. */
export async function getDeviceId(): Promise<string> {
  const db = getDb()
  return db.transaction('rw', db.meta, async () => {
    const existing = await getMeta<string>('deviceId')
    if (existing) return existing
    const id = crypto.randomUUID()
    await setMeta('deviceId', id)
    return id
  })
}

/** Sets the device id before first use (the id the login was made with). */
export async function setDeviceId(id: string): Promise<void> {
  await setMeta('deviceId', id)
}

export async function getCursor(): Promise<number> {
  return (await getMeta<number>('cursor')) ?? 0
}

export async function setCursor(cursor: number): Promise<void> {
  await setMeta('cursor', cursor)
}

export async function getRelayMark(): Promise<RelayMark> {
  return (await getMeta<RelayMark>('relayMark')) ?? NO_RELAY_MARK
}

export async function setRelayMark(mark: RelayMark): Promise<void> {
  await setMeta('relayMark', { epoch: mark.epoch, seenSeq: mark.seenSeq })
}

/** A meta value sealed with the data key (the session token, drafts): never plaintext on disk. */
export async function getSealedMeta<T>(key: string, db: DoumDb = getDb()): Promise<T | undefined> {
  const stored = (await db.meta.get(key))?.value
  return ArrayBuffer.isView(stored) ? openValue<T>(db.key, `meta:${key}`, stored as Uint8Array) : undefined
}

export async function setSealedMeta(key: string, value: unknown, db: DoumDb = getDb()): Promise<void> {
  if (value === undefined || value === null) await db.meta.delete(key)
  else await db.meta.put({ key, value: await sealValue(db.key, `meta:${key}`, value) })
}

/** The relay session (token and user); the security layer decides what to keep here. */
export function getSession<T>(): Promise<T | undefined> {
  return getSealedMeta<T>('session')
}

export function setSession(session: unknown): Promise<void> {
  teams.delete(getDb())
  return setSealedMeta('session', session)
}

// The signed-in user's team per open database, read once from the sealed session: commands refuse
// changes to a case this team may only read (commandCore.ts), and they run at typing speed.
const teams = new WeakMap<DoumDb, Promise<string | undefined>>()

/** The team of the session kept in this database (undefined without one). */
export function sessionTeam(): Promise<string | undefined> {
  const db = getDb()
  let team = teams.get(db)
  if (!team) {
    team = getSealedMeta<{ user?: { team?: unknown } }>('session', db).then(
      (s) => (typeof s?.user?.team === 'string' ? s.user.team : undefined),
      () => undefined,
    )
    teams.set(db, team)
  }
  return team
}

let cached: Settings | null = null
onStoreClose(() => {
  cached = null
})

export async function getSettings(): Promise<Settings> {
  if (cached) return cached
  const stored = await getMeta<Partial<Settings>>('settings')
  const merged = {
    deadlines: { ...DEFAULT_DEADLINES, ...stored?.deadlines },
    locale: stored?.locale ?? DEFAULT_SETTINGS.locale,
  }
  const parsed = SettingsSchema.safeParse(merged)
  cached = parsed.success ? parsed.data : DEFAULT_SETTINGS
  return cached
}

/** The settings as last read (defaults before the first read); for synchronous hooks. */
export function cachedSettings(): Settings | null {
  return cached
}

/** Stores already-validated settings and updates the cache. */
export async function writeSettings(next: Settings): Promise<void> {
  await setMeta('settings', next)
  cached = next
}
