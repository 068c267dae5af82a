// Packs: the first states of documents new to this device, stored as one record per relay feed page
// instead of one update row (and one doc row) per document. A first sync of 2,000 case files writes
// 10 packs rather than 4,000 rows: in Chromium each IndexedDB record costs about 0.1 ms of the
// database's time whatever its size, which made rows the bulk of a first sync.
// A packed part is sealed exactly as an update row is (docCodec.ts, bound to its document's name) and
// reads as an acknowledged row (readRows). A document with a packed part needs no doc row: it has
// nothing pending and nothing refused until it is changed here, and then it gets one.
// Compaction and removal take a document's parts out of its packs (a pack left empty is deleted).
import type { DoumDb, PackRow, StoredRow } from './db'
import type { StoredBytes } from './docCodec'

/** The pack of a feed page's documents new to this device; `parts[i]` is an update of `names[i]`. */
export function newPack(names: readonly string[], parts: readonly StoredBytes[], createdAt: string): PackRow {
  return { docNames: [...names], parts: [...parts], createdAt }
}

/** The parts of `name` in `packs`, as acknowledged rows (no localId: they live in a pack). */
export function packedRows(packs: readonly PackRow[], name: string): StoredRow[] {
  const out: StoredRow[] = []
  for (const pack of packs) {
    pack.docNames.forEach((n, i) => {
      if (n === name) out.push({ docName: name, bytes: pack.parts[i] as StoredBytes, acked: 1, createdAt: pack.createdAt, packId: pack.id as number })
    })
  }
  return out
}

/** The packs holding a part of `name`. Reads `db.packs`: a transaction around it must include it. */
export function packsOf(db: DoumDb, name: string): Promise<PackRow[]> {
  return db.packs.where('docNames').equals(name).toArray()
}

/** Takes every part of `names` out of their packs; run inside a transaction that includes `db.packs`. */
export async function unpackDocs(db: DoumDb, names: readonly string[]): Promise<void> {
  if (!names.length) return
  const gone = new Set(names)
  const packs = await db.packs.where('docNames').anyOf([...names]).toArray()
  for (const pack of packs) {
    const keep = pack.docNames.flatMap((n, i) => (gone.has(n) ? [] : [i]))
    if (!keep.length) await db.packs.delete(pack.id as number)
    else await db.packs.put({ ...pack, docNames: keep.map((i) => pack.docNames[i] as string), parts: keep.map((i) => pack.parts[i] as StoredBytes) })
  }
}

/** Every document name in a pack (a key-only walk of the index, no part is read). */
export async function packedNames(db: DoumDb): Promise<string[]> {
  return (await db.packs.orderBy('docNames').uniqueKeys()).map(String)
}

/** Every document this device holds: those with a doc row and those only in packs. */
export async function heldNames(db: DoumDb): Promise<string[]> {
  const [rows, packed] = await Promise.all([db.docs.toCollection().primaryKeys(), packedNames(db)])
  const all = new Set<string>(rows.map(String))
  for (const n of packed) all.add(n)
  return [...all]
}

/** The held documents of one kind (`case`, `brief`, …): names are `<kind>/<id>`, so a key range each. */
export async function heldNamesOfKind(db: DoumDb, kind: string): Promise<string[]> {
  const prefix = `${kind}/`
  const [rows, packed] = await Promise.all([
    db.docs.where(':id').startsWith(prefix).primaryKeys(),
    db.packs.where('docNames').startsWith(prefix).uniqueKeys(),
  ])
  return [...new Set([...rows.map(String), ...packed.map(String)])]
}

/** Which of `names` have a part in a pack. */
export async function packedAmong(db: DoumDb, names: readonly string[]): Promise<Set<string>> {
  if (!names.length) return new Set()
  return new Set((await db.packs.where('docNames').anyOf([...names]).uniqueKeys()).map(String))
}
