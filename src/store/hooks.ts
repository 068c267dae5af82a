// React hooks for screens; each reads from memory or a projection and re-renders on change.
import { useEffect, useMemo, useSyncExternalStore } from 'react'
import type { CaseFile, Resource } from '../domain'
import { AsyncSource } from './asyncSource'
import { caseIdOf, isCaseDoc } from './caseDoc'
import { caseFileSource } from './caseFileSource'
import { getCaseIndex } from './caseIndex'
import type { CaseListQuery, CaseListResult } from './caseIndex'
import { onChange } from './changes'
import { getDb, onStoreClose } from './db'
import { listResources, onResourcesChange } from './resources'
import { onSettings } from './settingsEvents'
import { DEFAULT_SETTINGS, getSettings } from './storageMeta'
import type { Settings } from './storageMeta'

export type { CaseListQuery, CaseListResult }

export interface RejectedDoc {
  name: string
  kind: string
  caseId?: string
  /** Updates the relay refused; they stay on the device. */
  count: number
  message?: string
}

const noop = () => () => undefined

export function useCaseList(query: CaseListQuery = {}): CaseListResult {
  const index = getCaseIndex()
  const version = useSyncExternalStore(index.subscribe, index.getVersion)
  useEffect(() => {
    void index.load()
  }, [index])
  const { query: text, stage, due, targetType, selection, level, referredTo, sort } = query
  // version is the index's change counter: a new one means new rows.
  return useMemo(
    () => index.result({ query: text, stage, due, targetType, selection, level, referredTo, sort }),
    [index, version, text, stage, due, targetType, selection, level, referredTo, sort],
  )
}

export function useCaseFile(caseId: string | undefined): CaseFile | undefined {
  const source = useMemo(() => (caseId ? caseFileSource(caseId) : null), [caseId])
  return useSyncExternalStore(source?.subscribe ?? noop, source?.getSnapshot ?? (() => undefined))
}

let sources: {
  unsynced: AsyncSource<number>
  rejected: AsyncSource<RejectedDoc[]>
  resources: AsyncSource<Resource[]>
  settings: AsyncSource<Settings>
} | null = null
onStoreClose(() => {
  sources = null
})

const onAnyChange = (reload: () => void) => onChange(() => reload())

function getSources(): NonNullable<typeof sources> {
  sources ??= {
    unsynced: new AsyncSource(countUnsynced, 0, [onAnyChange]),
    rejected: new AsyncSource(listRejected, [], [onAnyChange]),
    resources: new AsyncSource(listResources, [], [onResourcesChange]),
    settings: new AsyncSource(getSettings, DEFAULT_SETTINGS, [(reload) => onSettings(() => reload())]),
  }
  return sources
}

/** Case files with updates the relay has not acknowledged yet. */
export async function countUnsynced(): Promise<number> {
  return getDb().docs.where('[kind+hasPending]').equals(['case', 1]).count()
}

export async function listRejected(): Promise<RejectedDoc[]> {
  const rows = await getDb().docs.where('rejectedCount').above(0).toArray()
  return rows.map((d) => ({
    name: d.name,
    kind: d.kind,
    ...(isCaseDoc(d.name) ? { caseId: caseIdOf(d.name) } : {}),
    count: d.rejectedCount,
    ...(d.rejectedMessage ? { message: d.rejectedMessage } : {}),
  }))
}

export function useUnsyncedCount(): number {
  const s = getSources().unsynced
  return useSyncExternalStore(s.subscribe, s.getSnapshot)
}

export function useRejectedDocs(): RejectedDoc[] {
  const s = getSources().rejected
  return useSyncExternalStore(s.subscribe, s.getSnapshot)
}

export function useResources(): Resource[] {
  const s = getSources().resources
  return useSyncExternalStore(s.subscribe, s.getSnapshot)
}

export function useSettings(): Settings {
  const s = getSources().settings
  return useSyncExternalStore(s.subscribe, s.getSnapshot)
}
