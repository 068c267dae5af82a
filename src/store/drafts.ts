// Form drafts (a half-typed household registration) sealed in meta, so a reload, an app update or an
// auto-lock loses nothing and nothing of them is readable on disk. Writes are serialised per store:
// the latest value of each key wins, and lock waits for them (whenDraftsSaved).
import { useCallback, useEffect, useRef, useState } from 'react'
import { onStoreClose } from './db'
import { getSealedMeta, setSealedMeta } from './storageMeta'

const metaKey = (key: string) => `draft:${key}`
const latest = new Map<string, unknown>()
let chain: Promise<void> = Promise.resolve()

onStoreClose(() => {
  latest.clear()
})

function enqueue(key: string, value: unknown): void {
  const first = !latest.has(key)
  latest.set(key, value)
  if (!first) return // the queued write takes the newest value
  chain = chain.then(async () => {
    const next = latest.get(key)
    latest.delete(key)
    try {
      await setSealedMeta(metaKey(key), next)
    } catch (err) {
      console.error('saving a draft failed', (err as Error).name)
    }
  })
}

export function saveDraft(key: string, value: unknown): void {
  enqueue(key, value)
}

export function clearDraft(key: string): void {
  enqueue(key, null)
}

export async function loadDraft<T>(key: string): Promise<T | undefined> {
  await chain
  return getSealedMeta<T>(metaKey(key))
}

/** Resolves once every draft change so far is on disk. */
export function whenDraftsSaved(): Promise<void> {
  return chain
}

/**
 * A form's state, kept as a sealed draft on every change. The stored draft replaces `initial` once
 * read, unless the user already typed. clear() drops it after a successful save.
 */
export function useDraft<T>(key: string, initial: T): [T, (next: T | ((prev: T) => T)) => void, () => void, boolean] {
  const [value, setValue] = useState<T>(initial)
  const [restored, setRestored] = useState(false)
  const touched = useRef(false)
  const initialRef = useRef(initial)

  useEffect(() => {
    let live = true
    loadDraft<T>(key).then(
      (stored) => {
        if (!live) return
        if (stored !== undefined && !touched.current) setValue(stored)
        setRestored(true)
      },
      () => live && setRestored(true),
    )
    return () => {
      live = false
    }
  }, [key])

  useEffect(() => {
    if (touched.current) saveDraft(key, value)
  }, [key, value])

  const update = useCallback((next: T | ((prev: T) => T)) => {
    touched.current = true
    setValue(next)
  }, [])

  const clear = useCallback(() => {
    touched.current = false
    clearDraft(key)
    setValue(initialRef.current)
  }, [key])

  return [value, update, clear, restored]
}
