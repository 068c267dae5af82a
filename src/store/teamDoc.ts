// The team's shared document (`team/<uuid>`): one per team, e.g. the resource directory every worker of
// the team edits. Its name is derived from the team id, so two devices that create it offline create the
// same document and Yjs merges them; the relay lets only that team create it (sync-server/access.ts).
//
// Layout (pure Yjs, no Dexie; shared with the relay, which validates it in sync-server/validateUpdate.ts):
//   root map `resources` — resource id → Y.Map of the row's plain fields (ResourceSchema without
//                          `builtIn`), plus `deleted: true` while the row is deleted (undo clears it).
//                          A built-in row (SEED_RESOURCES) is not written here until it is edited or
//                          deleted; then its whole row is stored under its seed id and overrides the seed.
//   root map `meetings`  — 협력회의 id → Y.Map of the CooperationMeeting's plain fields, plus `deleted`.
// Nothing else: the relay refuses any other root, an entry that is not a Y.Map, or a field of the wrong
// shape. Fields are set one by one (only those that changed), so two workers editing different fields of
// one row both keep their edit, and an edit made while another device deleted the row survives its undo.
// The same field edited on two devices ends with one of the two values (Yjs's map rule); two devices that
// both first edit the same built-in row offline each create its entry, and one entry wins whole.
import { digest } from 'lib0/hash/sha256'
import * as Y from 'yjs'
import * as z from 'zod/mini'
import { CooperationMeetingSchema, ResourceSchema } from '../domain'

export const TEAM_DOC_PREFIX = 'team/'

/** `team/` + a UUID-shaped hash of the team id (version nibble 8: a name-based, non-random id). */
export function teamDocName(teamId: string): string {
  const h = digest(new TextEncoder().encode(`doum-team/${teamId}`)).slice(0, 16)
  h[6] = (h[6]! & 0x0f) | 0x80
  h[8] = (h[8]! & 0x3f) | 0x80
  const hex = [...h].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${TEAM_DOC_PREFIX}${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export const TEAM_ROOTS = new Set(['resources', 'meetings'])
export type TeamRoot = 'resources' | 'meetings'

/** A directory row as stored: `builtIn` is not stored (a row is built in when its id is a seed id). */
export const StoredResourceSchema = z.extend(z.omit(ResourceSchema, { builtIn: true }), { deleted: z.optional(z.boolean()) })
export type StoredResource = z.infer<typeof StoredResourceSchema>
export const StoredMeetingSchema = z.extend(CooperationMeetingSchema, { deleted: z.optional(z.boolean()) })
export type StoredMeeting = z.infer<typeof StoredMeetingSchema>

export const TEAM_SCHEMAS = { resources: StoredResourceSchema, meetings: StoredMeetingSchema } as const

/** The entries of a root that parse (as every device reads them: one a merge broke is skipped). */
export function readEntries<R extends TeamRoot>(doc: Y.Doc, root: R): Map<string, z.infer<(typeof TEAM_SCHEMAS)[R]>> {
  const out = new Map<string, z.infer<(typeof TEAM_SCHEMAS)[R]>>()
  const schema = TEAM_SCHEMAS[root]
  for (const [id, value] of doc.getMap<unknown>(root)) {
    if (!(value instanceof Y.Map)) continue
    const parsed = schema.safeParse(value.toJSON())
    if (parsed.success && parsed.data.id === id) out.set(id, parsed.data as z.infer<(typeof TEAM_SCHEMAS)[R]>)
  }
  return out
}

/** The entry's Y.Map, if the document holds one. */
export function entryOf(doc: Y.Doc, root: TeamRoot, id: string): Y.Map<unknown> | undefined {
  const value = doc.getMap<unknown>(root).get(id)
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined
}

/**
 * Writes `fields` into the entry `id` (created when missing): sets the ones that differ, deletes the
 * `clear` keys the value no longer has. Call inside a transaction.
 */
export function writeEntry(doc: Y.Doc, root: TeamRoot, id: string, fields: Record<string, unknown>, clear: readonly string[] = []): void {
  let entry = entryOf(doc, root, id)
  if (!entry) {
    entry = new Y.Map<unknown>()
    doc.getMap<unknown>(root).set(id, entry)
  }
  for (const key of clear) if (fields[key] === undefined && entry.has(key)) entry.delete(key)
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    if (JSON.stringify(entry.get(key)) !== JSON.stringify(value)) entry.set(key, value)
  }
}
