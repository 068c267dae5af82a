// Loads every case file on the device (for statistics); reloads when the list changes.
import { useEffect, useState } from 'react'
import type { CaseFile } from '../../domain'
import { getCaseFile, useCaseList } from '../../store'

export function useAllCaseFiles(): { cases: CaseFile[] | undefined; total: number } {
  const { rows, total, loading } = useCaseList({ query: '' })
  const [cases, setCases] = useState<CaseFile[]>()
  const key = rows.map((r) => `${r.id}@${r.updatedAt}`).join('|')
  useEffect(() => {
    if (loading) return
    let alive = true
    const ids = key ? key.split('|').map((k) => k.slice(0, k.indexOf('@'))) : []
    void Promise.all(ids.map((id) => getCaseFile(id))).then((files) => {
      if (alive) setCases(files.filter((f): f is CaseFile => f !== undefined))
    })
    return () => {
      alive = false
    }
  }, [key, loading])
  return { cases, total }
}
