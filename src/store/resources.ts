// The resource directory (자원): seeded once with seed 003's 방문형 서비스 table, extendable.
import { ResourceSchema, SEED_RESOURCES, compareKo } from '../domain'
import type { Resource } from '../domain'
import type * as z from 'zod/mini'
import { getDb } from './db'
import { newId } from './commandCore'
import { validate } from './validate'

const SEEDED_KEY = 'resourcesSeeded'
const listeners = new Set<() => void>()

export function onResourcesChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

async function ensureSeeded(): Promise<void> {
  const db = getDb()
  await db.transaction('rw', db.resources, db.meta, async () => {
    if (await db.meta.get(SEEDED_KEY)) return
    await db.resources.bulkPut(SEED_RESOURCES.map((r) => ({ ...r })))
    await db.meta.put({ key: SEEDED_KEY, value: true })
  })
}

/** Built-in rows first, then the district's own, each in Korean order. */
export async function listResources(): Promise<Resource[]> {
  await ensureSeeded()
  const rows = await getDb().resources.toArray()
  return rows.sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || compareKo(a.name, b.name))
}

export type ResourceInput = Omit<z.input<typeof ResourceSchema>, 'id' | 'builtIn'>

export async function addResource(input: ResourceInput): Promise<string> {
  const resource = validate(ResourceSchema, { ...input, id: newId(), builtIn: false })
  await ensureSeeded()
  await getDb().resources.add(resource)
  for (const l of [...listeners]) l()
  return resource.id
}
