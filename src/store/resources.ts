// The resource directory (자원) and the 협력회의 records, shared by the team in its team document
// (layout in teamDoc.ts). Built-in rows come from SEED_RESOURCES until the team edits or deletes them;
// every row and meeting can be edited, deleted (a `deleted` flag) and put back (undo).
import { CooperationMeetingSchema, ResourceSchema, SEED_RESOURCES, compareKo } from '../domain'
import type { CooperationMeeting, Resource } from '../domain'
import type * as z from 'zod/mini'
import { onChange } from './changes'
import { LOCAL_ORIGIN, newId } from './commandCore'
import { getDb } from './db'
import type { DoumDb } from './db'
import { openDoc, whenWritten } from './docStore'
import { ValidationError } from './errors'
import { sessionTeam } from './storageMeta'
import { TEAM_DOC_PREFIX, entryOf, readEntries, teamDocName, writeEntry } from './teamDoc'
import type { StoredMeeting, StoredResource, TeamRoot } from './teamDoc'
import { validate } from './validate'

/** The team id used before the first sign-in (no session): the directory still works on this device. */
export const LOCAL_TEAM = 'local'
/** Meta key: the device's own rows of the old per-device `resources` table were copied into this team doc. */
const MIGRATED_KEY = 'resourcesMigratedTo:'
const SEED_IDS = new Set(SEED_RESOURCES.map((r) => r.id))
const RESOURCE_FIELDS = ['name', 'target', 'content', 'provider', 'domain', 'sector', 'kind', 'contactName', 'contactPhone'] as const
const MEETING_FIELDS = ['date', 'providers', 'attendees', 'notes'] as const

export type ResourceInput = Omit<z.input<typeof ResourceSchema>, 'id' | 'builtIn'>
export type MeetingInput = Omit<z.input<typeof CooperationMeetingSchema>, 'id'>
/** What a delete returns: enough for restoreResource / restoreMeeting to put it back. */
export interface RemovedTeamEntry {
  root: TeamRoot
  id: string
  docName: string
}

/** Calls `listener` when the directory or the meetings changed: here, in another tab or from the relay. */
export function onResourcesChange(listener: () => void): () => void {
  return onChange((e) => {
    if (e.names.some((n) => n.startsWith(TEAM_DOC_PREFIX))) listener()
  })
}

// Per open database (a new one after a lock or sign-in starts empty).
const migrations = new WeakMap<DoumDb, Map<string, Promise<void>>>()

/** The name of this device's team document: the signed-in user's team, or the local one before sign-in. */
export async function teamDocNameHere(): Promise<string> {
  return teamDocName((await sessionTeam()) ?? LOCAL_TEAM)
}

async function teamDoc() {
  const name = await teamDocNameHere()
  const doc = await openDoc(name)
  await migrateOnce(name)
  return { name, doc }
}

/** Copies the rows this device added to the old per-device table into the team doc, once per doc. */
function migrateOnce(name: string): Promise<void> {
  const db = getDb()
  let perDb = migrations.get(db)
  if (!perDb) migrations.set(db, (perDb = new Map()))
  let running = perDb.get(name)
  if (!running) {
    running = migrate(db, name)
    perDb.set(name, running)
    running.catch(() => perDb.delete(name))
  }
  return running
}

async function migrate(db: DoumDb, name: string): Promise<void> {
  const key = MIGRATED_KEY + name
  if (await db.meta.get(key)) return
  const rows = (await db.resources.toArray()).filter((r) => !r.builtIn && !SEED_IDS.has(r.id))
  const doc = await openDoc(name)
  const valid = rows.flatMap((r) => {
    const parsed = ResourceSchema.safeParse(r)
    return parsed.success ? [parsed.data] : []
  })
  if (valid.length) {
    doc.transact(() => {
      for (const r of valid) if (!entryOf(doc, 'resources', r.id)) writeEntry(doc, 'resources', r.id, storedFields(r))
    }, LOCAL_ORIGIN)
    await whenWritten(name)
  }
  await db.meta.put({ key, value: true })
}

function storedFields(r: Resource): Record<string, unknown> {
  const { builtIn: _builtIn, ...fields } = r
  return fields
}

function toResource(stored: StoredResource): Resource {
  const { deleted: _deleted, ...fields } = stored
  return { ...fields, builtIn: SEED_IDS.has(stored.id) }
}

/** Built-in rows first (as the team left them), then the team's own, each in Korean order; deleted ones hidden. */
export async function listResources(): Promise<Resource[]> {
  const { doc } = await teamDoc()
  return mergedResources(readEntries(doc, 'resources'))
}

function mergedResources(stored: Map<string, StoredResource>): Resource[] {
  const out: Resource[] = []
  for (const seed of SEED_RESOURCES) {
    const override = stored.get(seed.id)
    if (!override) out.push({ ...seed })
    else if (!override.deleted) out.push(toResource(override))
  }
  for (const [id, r] of stored) if (!SEED_IDS.has(id) && !r.deleted) out.push(toResource(r))
  return out.sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || compareKo(a.name, b.name) || compareKo(a.id, b.id))
}

/** The row as shown now (a built-in one as the team left it), or undefined when it is deleted or unknown. */
function currentResource(stored: Map<string, StoredResource>, id: string): Resource | undefined {
  return mergedResources(stored).find((r) => r.id === id)
}

const GONE = {
  resources: '이 자원은 삭제되어 더 이상 수정할 수 없습니다. 목록을 다시 확인하세요.',
  meetings: '이 협력회의 기록은 삭제되어 더 이상 수정할 수 없습니다. 목록을 다시 확인하세요.',
} as const

function gone(root: TeamRoot): ValidationError {
  return new ValidationError([{ path: '', message: GONE[root] }])
}

export async function addResource(input: ResourceInput): Promise<string> {
  const resource = validate(ResourceSchema, { ...input, id: newId(), builtIn: false })
  const { name, doc } = await teamDoc()
  doc.transact(() => writeEntry(doc, 'resources', resource.id, storedFields(resource)), LOCAL_ORIGIN)
  await whenWritten(name)
  return resource.id
}

/** Replaces the row's fields with `input` (a built-in one is stored from then on under its seed id). */
export async function updateResource(id: string, input: ResourceInput): Promise<Resource> {
  const { name, doc } = await teamDoc()
  const stored = readEntries(doc, 'resources')
  const current = currentResource(stored, id)
  if (!current) throw gone('resources')
  const resource = validate(ResourceSchema, { ...input, id, builtIn: current.builtIn })
  doc.transact(() => {
    // A built-in row edited for the first time is written whole, so the entry stands on its own.
    writeEntry(doc, 'resources', id, storedFields(resource), RESOURCE_FIELDS)
  }, LOCAL_ORIGIN)
  await whenWritten(name)
  return resource
}

/** Hides the row (built-in ones too); the result puts it back through restoreResource. */
export async function deleteResource(id: string): Promise<RemovedTeamEntry> {
  const { name, doc } = await teamDoc()
  const current = currentResource(readEntries(doc, 'resources'), id)
  if (!current) throw gone('resources')
  doc.transact(() => {
    if (!entryOf(doc, 'resources', id)) writeEntry(doc, 'resources', id, storedFields(current))
    entryOf(doc, 'resources', id)?.set('deleted', true)
  }, LOCAL_ORIGIN)
  await whenWritten(name)
  return { root: 'resources', id, docName: name }
}

export async function restoreResource(removed: RemovedTeamEntry): Promise<void> {
  await restore(removed)
}

async function restore(removed: RemovedTeamEntry): Promise<void> {
  const doc = await openDoc(removed.docName)
  const entry = entryOf(doc, removed.root, removed.id)
  if (!entry) throw gone(removed.root)
  if (entry.has('deleted')) doc.transact(() => entry.delete('deleted'), LOCAL_ORIGIN)
  await whenWritten(removed.docName)
}

function toMeeting(stored: StoredMeeting): CooperationMeeting {
  const { deleted: _deleted, ...meeting } = stored
  return meeting
}

/** 협력회의, newest first; deleted ones hidden. */
export async function listMeetings(): Promise<CooperationMeeting[]> {
  const { doc } = await teamDoc()
  return [...readEntries(doc, 'meetings').values()]
    .filter((m) => !m.deleted)
    .map(toMeeting)
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
}

export async function addMeeting(input: MeetingInput): Promise<string> {
  const meeting = validate(CooperationMeetingSchema, { ...input, id: newId() })
  const { name, doc } = await teamDoc()
  doc.transact(() => writeEntry(doc, 'meetings', meeting.id, meeting), LOCAL_ORIGIN)
  await whenWritten(name)
  return meeting.id
}

export async function updateMeeting(id: string, input: MeetingInput): Promise<CooperationMeeting> {
  const { name, doc } = await teamDoc()
  const current = readEntries(doc, 'meetings').get(id)
  if (!current || current.deleted) throw gone('meetings')
  const meeting = validate(CooperationMeetingSchema, { ...input, id })
  doc.transact(() => writeEntry(doc, 'meetings', id, meeting, MEETING_FIELDS), LOCAL_ORIGIN)
  await whenWritten(name)
  return meeting
}

export async function deleteMeeting(id: string): Promise<RemovedTeamEntry> {
  const { name, doc } = await teamDoc()
  const current = readEntries(doc, 'meetings').get(id)
  if (!current || current.deleted) throw gone('meetings')
  doc.transact(() => entryOf(doc, 'meetings', id)?.set('deleted', true), LOCAL_ORIGIN)
  await whenWritten(name)
  return { root: 'meetings', id, docName: name }
}

export async function restoreMeeting(removed: RemovedTeamEntry): Promise<void> {
  await restore(removed)
}
