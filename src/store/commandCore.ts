// The shape every case command follows: read the current case file, validate the new state
// (throwing before the doc is touched), then apply one local Yjs transaction and wait for it to be stored.
import type * as Y from 'yjs'
import { CaseIdSchema, READ_ONLY_MESSAGES, teamAccessIn } from '../domain'
import type { CaseFile, HistoryEvent } from '../domain'
import { CaseFileReadError, appendHistory, caseDocName, hasCaseFile, readCaseFile, rootMap } from './caseDoc'
import { openDoc, whenWritten } from './docStore'
import { CaseNotFoundError, ValidationError } from './errors'
import { sessionTeam } from './storageMeta'

/** Transaction origin of the store's own commands (persisted as local updates). */
export const LOCAL_ORIGIN = 'doum-local'

export function newId(): string {
  return crypto.randomUUID()
}

export function nowInstant(): string {
  return new Date().toISOString()
}

export function refuse(path: string, message: string): never {
  throw new ValidationError([{ path, message }])
}

async function openCaseDoc(caseId: string): Promise<Y.Doc> {
  if (!CaseIdSchema.safeParse(caseId).success) throw new CaseNotFoundError()
  const doc = await openDoc(caseDocName(caseId))
  if (!hasCaseFile(doc)) throw new CaseNotFoundError()
  return doc
}

function readCase(doc: Y.Doc): CaseFile {
  try {
    return readCaseFile(doc)
  } catch (err) {
    if (err instanceof CaseFileReadError) refuse('', err.message)
    throw err
  }
}

export async function loadCase(caseId: string): Promise<{ doc: Y.Doc; cf: CaseFile }> {
  const doc = await openCaseDoc(caseId)
  return { doc, cf: readCase(doc) }
}

/**
 * Runs `prepare` on the current case file; it validates and returns the write to apply (or throws
 * and nothing is written). The write runs in one transaction that also stamps meta.updatedAt.
 * A case referred to the user's team and not yet accepted, or shared with it read-only, is refused
 * (the relay would refuse the change too); `allowReadOnly` is for the acceptance itself.
 */
export async function mutateCase<T>(
  caseId: string,
  prepare: (cf: CaseFile, doc: Y.Doc) => { write: (doc: Y.Doc) => void; result: T; history?: HistoryEvent[] },
  options: { touch?: boolean; allowReadOnly?: boolean } = {},
): Promise<T> {
  const team = options.allowReadOnly ? undefined : await sessionTeam()
  const doc = await openCaseDoc(caseId)
  // Read, validate and write with no await in between, so two commands started together cannot
  // both prepare from the same state and have the later one undo the earlier.
  const cf = readCase(doc)
  const access = team === undefined ? 'full' : teamAccessIn(cf, team)
  if (access !== 'full') refuse('', READ_ONLY_MESSAGES[access])
  const { write, result, history } = prepare(cf, doc)
  doc.transact(() => {
    write(doc)
    for (const h of history ?? []) appendHistory(doc, h)
    if (options.touch !== false) rootMap(doc, 'meta').set('updatedAt', nowInstant())
  }, LOCAL_ORIGIN)
  await whenWritten(caseDocName(caseId))
  return result
}
