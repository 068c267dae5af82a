// A form draft kept in sessionStorage so a reload (e.g. after an app update) loses nothing. It lives
// only for this tab and never goes into the URL; clear() removes it after a successful save.
import { useCallback, useEffect, useRef, useState } from 'react'

const PREFIX = 'doum.draft.'

function read<T>(key: string, initial: T): T {
  try {
    const raw = sessionStorage.getItem(PREFIX + key)
    return raw === null ? initial : (JSON.parse(raw) as T)
  } catch {
    return initial
  }
}

export function useDraft<T>(key: string, initial: T): [T, (next: T | ((prev: T) => T)) => void, () => void] {
  const [value, setValue] = useState<T>(() => read(key, initial))
  const initialRef = useRef(initial)
  const cleared = useRef(false)

  useEffect(() => {
    if (cleared.current) return
    try {
      sessionStorage.setItem(PREFIX + key, JSON.stringify(value))
    } catch {
      // Storage full or blocked: the form still works, only the reload safety net is lost.
    }
  }, [key, value])

  const update = useCallback((next: T | ((prev: T) => T)) => {
    cleared.current = false
    setValue(next)
  }, [])

  const clear = useCallback(() => {
    cleared.current = true
    sessionStorage.removeItem(PREFIX + key)
    setValue(initialRef.current)
  }, [key])

  return [value, update, clear]
}
