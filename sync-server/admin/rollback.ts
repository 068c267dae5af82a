// `npm run admin -- rollback --doc case/<uuid> --to-seq N`: puts a document back to what it held after
// log entry N by appending one new update that undoes every later one. History is never rewritten (the
// refused content stays in the log until retention prunes it, as any other); devices converge by normal
// sync, at their next feed. Written to the admin log.
import * as Y from 'yjs'
import { docKind, isDocName } from '../../src/sync/protocol'
import type { RelayStorage } from '../storage/types'
import { logChange, need, UsageError } from './cli'

/** Map roots of the case file layout (docs/CONTRACTS.md); 'history' is the one array. */
const CASE_MAP_ROOTS = [
  'meta', 'household', 'members', 'intake', 'assessment', 'selection', 'conferences', 'plan', 'linkages',
  'monitoring', 'visits', 'closure', 'followUps',
]
const REPLAY = Symbol('replay')

/**
 * The update that takes a document whose log is `entries` (oldest first, all of them) back to its
 * state after the first `keep`: the later entries are replayed under an UndoManager and undone.
 * Null when there is nothing to undo.
 */
export function rollbackUpdate(name: string, entries: Uint8Array[], keep: number): Uint8Array | null {
  if (keep >= entries.length) return null
  const roots = new Doc(entries).rootKeys()
  const doc = new Y.Doc({ guid: name })
  for (const u of entries.slice(0, keep)) Y.applyUpdate(doc, u)
  const scope = roots.map((key) => {
    if (key === 'history') return doc.getArray(key)
    if (CASE_MAP_ROOTS.includes(key)) return doc.getMap(key)
    return doc.get(key)
  })
  const undo = new Y.UndoManager(scope, { trackedOrigins: new Set([REPLAY]), captureTimeout: Number.MAX_SAFE_INTEGER })
  for (const u of entries.slice(keep)) Y.applyUpdate(doc, u, REPLAY)
  const current = Y.encodeStateVector(doc)
  while (undo.undoStack.length > 0) undo.undo()
  undo.destroy()
  const update = Y.encodeStateAsUpdate(doc, current)
  doc.destroy()
  return update
}

class Doc {
  private readonly doc = new Y.Doc()
  constructor(entries: Uint8Array[]) {
    for (const u of entries) Y.applyUpdate(this.doc, u)
  }
  rootKeys(): string[] {
    const keys = [...this.doc.share.keys()]
    this.doc.destroy()
    return keys
  }
}

export function runRollback(storage: RelayStorage, doc: string | undefined, toSeq: string | undefined): void {
  const name = need(doc, 'doc')
  const seq = Number(need(toSeq, 'to-seq'))
  if (!isDocName(name)) throw new UsageError('문서 이름이 올바르지 않습니다. Bad document name.')
  if (!Number.isInteger(seq) || seq < 1) throw new UsageError('--to-seq는 1 이상의 정수입니다. --to-seq must be a positive integer.')
  const access = storage.docAccess(name)
  const kind = docKind(name)
  if (!access || !kind) throw new UsageError('없는 문서입니다. No such document.')
  const entry = storage.feedEntries(access.ownerTeam, [kind], 0, storage.headSeq()).find((e) => e.name === name)
  // Entries pruned after retention live only in the snapshot, merged with later ones: no way back past them.
  if (!entry || entry.prunedSeq > 0) {
    throw new UsageError('보존기간이 지나 이 문서의 앞선 기록이 정리되어 되돌릴 수 없습니다. Older log entries were pruned: cannot roll back.')
  }
  const all = storage.updatesSince(name, 0)
  const keep = all.length - storage.updatesSince(name, seq).length
  if (keep < 1) throw new UsageError('그 번호 이전에는 이 문서의 기록이 없습니다. The document has no entry at or before that seq.')
  const update = rollbackUpdate(name, all, keep)
  if (!update) {
    console.log(`되돌릴 내용이 없습니다 (${name}은 ${seq} 이후 바뀌지 않았습니다) / nothing to roll back`)
    return
  }
  const [newSeq] = storage.appendUpdates([{ name, update, userId: 'admin', deviceId: 'admin-rollback', ownerTeam: access.ownerTeam }], Date.now())
  logChange(storage, 'rollback', name, `to-seq=${seq} undone=${all.length - keep} seq=${newSeq}`)
  console.log(`${name}을 ${seq}번 시점으로 되돌렸습니다 (새 기록 ${newSeq}번, 기기는 다음 동기화 때 맞춰집니다) / rolled back to seq ${seq} as new seq ${newSeq}; devices converge at their next sync`)
}
