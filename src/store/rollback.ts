// Rollback on the device of updates the relay refused for what they are (content, size): sending them
// again never helps, and keeping them would leave the device and the relay disagreeing for good. The
// document becomes its acknowledged rows (what the relay holds) plus those of its other unacknowledged
// rows that still apply cleanly without the refused ones; those stay queued. The refused rows, and rows
// that depend on them, are deleted in the same transaction that keeps their text for the worker
// (refusedEdits.ts). Refusals about who may write (`forbidden`) are not rolled back here.
import type * as Y from 'yjs'
import { todayInSeoul } from '../domain'
import { ErrorCode } from '../sync/protocol'
import { caseIdOf, hasCaseFile, isCaseDoc, readCaseFile } from './caseDoc'
import { emitChange } from './changes'
import { docKindOf, getDb, isStoreOpen, nowIso } from './db'
import type { DocRow, DoumDb, StoredCaseRow, StoredRow } from './db'
import { decodeMany } from './docCodec'
import { betweenLocalWrites, openDocIfLoaded, readRows, rowTables } from './docStore'
import { projectDoc, sealCaseRows } from './projection'
import { notifyRefusedEdits, sealRefusedEdit } from './refusedEdits'
import type { RefusedEdit } from './refusedEdits'
import { removedText } from './refusedText'
import { assertCurrent, reloadOpenDoc } from './reloadOpenDoc'
import { docOf, replayWithout } from './replay'
import { getSettings } from './storageMeta'

/** Ack codes that roll the document back. */
export const ROLLBACK_CODES: ReadonlySet<string> = new Set<string>([ErrorCode.BadUpdate, ErrorCode.TooLarge])

/** Another write to the document's rows between reading and writing them: read again, this many times. */
const MAX_ATTEMPTS = 10

const isRefused = (r: StoredRow): boolean => r.acked === 0 && r.rejectedCode !== undefined && ROLLBACK_CODES.has(r.rejectedCode)
const signature = (rows: readonly StoredRow[]): string => rows.map((r) => `${r.localId ?? `p${r.packId}`}:${r.acked}:${r.rejectedCode ?? ''}`).join()

/**
 * Rolls back each of `names` that holds unacknowledged rows refused with a rollback code. Fails with
 * StoreLockedError once `db` is no longer the open store. Returns the names rolled back.
 */
export async function rollBackRefused(db: DoumDb, names: readonly string[]): Promise<string[]> {
  const done: RefusedEdit[] = []
  for (const name of names) {
    const edit = await betweenLocalWrites(() => rollBackDoc(db, name))
    if (edit) done.push(edit)
  }
  if (!done.length) return []
  const rolled = done.map((e) => e.name)
  tellOtherTabs(db, done)
  notifyRefusedEdits()
  emitChange({ names: rolled, local: false })
  return rolled
}

interface Plan {
  remove: number[]
  /** null: nothing of the document is left. */
  docRow: DocRow | null
  caseRow: 'keep' | 'delete' | StoredCaseRow
  edit: RefusedEdit
}

async function rollBackDoc(db: DoumDb, name: string): Promise<RefusedEdit | null> {
  for (let attempt = 1; ; attempt++) {
    assertCurrent(db)
    const rows = await readRows(db, name)
    const plan = await planRollback(db, name, rows)
    if (!plan) return null
    const meta = await sealRefusedEdit(db, plan.edit)
    assertCurrent(db)
    const stored = await db.transaction('rw', [...rowTables(db), db.docs, db.cases, db.meta], async () => {
      // Acknowledged, compacted, fed or written meanwhile: the plan is out of date.
      if (signature(await readRows(db, name)) !== signature(rows)) return false
      await db.updates.bulkDelete(plan.remove)
      if (plan.docRow) await db.docs.put(plan.docRow)
      else await db.docs.delete(name)
      if (plan.caseRow === 'delete') await db.cases.delete(caseIdOf(name))
      else if (plan.caseRow !== 'keep') await db.cases.put(plan.caseRow)
      await db.meta.put(meta)
      return true
    })
    if (stored) {
      const lost = await reloadOpenDoc(db, name)
      if (!lost) return plan.edit
      // Typed into the open doc meanwhile, on top of what was refused: the old doc held all of it.
      const edit = { ...plan.edit, text: lost }
      await db.meta.put(await sealRefusedEdit(db, edit))
      return edit
    }
    if (attempt >= MAX_ATTEMPTS) throw new Error('the rows of a refused document kept changing during its rollback')
  }
}

async function planRollback(db: DoumDb, name: string, rows: readonly StoredRow[]): Promise<Plan | null> {
  const refused = rows.filter(isRefused)
  if (!refused.length) return null
  const acked = rows.filter((r) => r.acked === 1)
  const others = rows.filter((r) => r.acked === 0 && !isRefused(r))
  const decoded = await decodeMany(db.key, name, rows.map((r) => r.bytes))
  // By row, not localId: parts in packs have none.
  const bytesOf = new Map(rows.map((r, i) => [r, decoded[i] as Uint8Array]))
  const pick = (list: readonly StoredRow[]) => list.map((r) => bytesOf.get(r) as Uint8Array)

  const { doc: after, kept } = replayWithout(name, pick(acked), pick(others))
  const before = docOf(name, decoded)
  try {
    const dropped = others.filter((_, i) => !kept[i])
    const remove = [...refused, ...dropped].map((r) => r.localId as number)
    const removed = new Set(remove)
    const left = rows.filter((r) => !removed.has(r.localId as number))
    assertCurrent(db)
    const settings = await getSettings()
    const projected = projectDoc(name, after, todayInSeoul(), settings)
    // A case file the refused rows created is gone from the list; one that no longer reads keeps its row.
    let caseRow: Plan['caseRow'] = isCaseDoc(name) && !hasCaseFile(after) ? 'delete' : 'keep'
    if (projected) caseRow = (await sealCaseRows(db.key, [projected]))[0] ?? 'keep'
    const reasons = [...new Set(refused.map((r) => r.rejectedMessage ?? '').filter(Boolean))]
    return {
      remove,
      docRow: left.length ? docRowOf(name, left) : null,
      caseRow,
      edit: {
        id: crypto.randomUUID(),
        name,
        ...(isCaseDoc(name) ? { caseId: caseIdOf(name) } : {}),
        headName: headNameOf(before) || headNameOf(after),
        refusedAt: nowIso(),
        code: refused[refused.length - 1]?.rejectedCode ?? '',
        reason: reasons.join('\n'),
        text: removedText(before, after),
      },
    }
  } finally {
    after.destroy()
    before.destroy()
  }
}

function docRowOf(name: string, rows: readonly StoredRow[]): DocRow {
  const rejected = rows.filter((r) => r.acked === 0 && r.rejectedCode)
  const message = rejected[rejected.length - 1]?.rejectedMessage
  return {
    name,
    kind: docKindOf(name),
    hasPending: rows.some((r) => r.acked === 0) ? 1 : 0,
    rejectedCount: rejected.length,
    ...(message ? { rejectedMessage: message } : {}),
    updatedAt: nowIso(),
  }
}

function headNameOf(doc: Y.Doc): string {
  try {
    if (!hasCaseFile(doc)) return ''
    const members = readCaseFile(doc).members
    return (members.find((m) => m.isHead) ?? members[0])?.name ?? ''
  } catch {
    return ''
  }
}

// ---------- other tabs of this user ----------
// Their open copy of the document still holds what was rolled back: they rebuild it from the rows. A
// channel of its own, open for the page's life, so no tab misses it while the store is open there.

interface RolledBack {
  db: string
  docs: { name: string; code: string; reason: string }[]
}

const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('doum-rollback') : null
;(channel as unknown as { unref?: () => void } | null)?.unref?.()
if (channel) channel.onmessage = (e: MessageEvent<RolledBack>) => void rolledBackElsewhere(e.data)

function tellOtherTabs(db: DoumDb, edits: readonly RefusedEdit[]): void {
  try {
    channel?.postMessage({ db: db.name, docs: edits.map(({ name, code, reason }) => ({ name, code, reason })) } satisfies RolledBack)
  } catch (err) {
    console.error('doum-rollback broadcast failed', (err as Error).name)
  }
}

async function rolledBackElsewhere(message: RolledBack): Promise<void> {
  if (!isStoreOpen() || getDb().name !== message.db) return
  const db = getDb()
  try {
    for (const { name, code, reason } of message.docs) {
      if (!openDocIfLoaded(name)) continue
      const lost = await betweenLocalWrites(() => reloadOpenDoc(db, name))
      if (!lost) continue
      const edit: RefusedEdit = {
        id: crypto.randomUUID(),
        name,
        ...(isCaseDoc(name) ? { caseId: caseIdOf(name) } : {}),
        headName: '',
        refusedAt: nowIso(),
        code,
        reason,
        text: lost,
      }
      await db.meta.put(await sealRefusedEdit(db, edit))
    }
  } catch (err) {
    const name = (err as Error).name
    if (name !== 'StoreLockedError' && name !== 'DatabaseClosedError') console.error('reloading a rolled-back document failed', name)
  }
  notifyRefusedEdits()
  emitChange({ names: message.docs.map((d) => d.name), local: false })
}
