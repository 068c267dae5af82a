// Loads every case file on the device (for statistics); reloads when the list changes.
import { useEffect, useState } from 'react'
import type { CaseFile } from '../../domain'
import { loadAllCaseFiles, useCaseList } from '../../store'

export function useAllCaseFiles(): { cases: CaseFile[] | undefined; total: number } {
  const { rows, total, loading } = useCaseList({ query: '' })
  const [cases, setCases] = useState<CaseFile[]>()
  // Changes when any case changes; the files themselves are read in batches, not kept open.
  const key = rows.map((r) => `${r.id}@${r.updatedAt}`).join('|')
  useEffect(() => {
    if (loading) return
    let alive = true
    void loadAllCaseFiles().then((files) => {
      if (alive) setCases(files)
    })
    return () => {
      alive = false
    }
  }, [key, loading])
  return { cases, total }
}
