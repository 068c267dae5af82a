// The Korean-IME-safe editing logic shared by ImeTextInput and ImeTextArea.
// The DOM element is uncontrolled: React never rewrites its value, we do, and never mid-composition.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CompositionEvent, FocusEvent, FormEvent } from 'react'
import { diffText, mapPosition, rebaseText } from './textRebase'

export const COMMIT_INTERVAL_MS = 150

type TextElement = HTMLInputElement | HTMLTextAreaElement

export interface ImeTextOptions {
  /** The stored value (it may change remotely at any time). */
  value: string
  /** Receives the text to store: throttled while typing, immediately on blur and compositionend. */
  onCommit: (value: string) => void
  onBlur?: (event: FocusEvent<TextElement>) => void
  commitIntervalMs?: number
}

export interface ImeTextHandlers<E extends TextElement> {
  ref: (el: E | null) => void
  defaultValue: string
  onInput: (e: FormEvent<E>) => void
  onCompositionStart: (e: CompositionEvent<E>) => void
  onCompositionEnd: (e: CompositionEvent<E>) => void
  onBlur: (e: FocusEvent<E>) => void
}

export function useImeText<E extends TextElement>(options: ImeTextOptions): ImeTextHandlers<E> {
  const { value, commitIntervalMs = COMMIT_INTERVAL_MS } = options
  const el = useRef<E | null>(null)
  const [initialValue] = useState(value)
  // Last text seen in the element, so a commit still works after the element is detached.
  const latest = useRef(value)
  const composing = useRef(false)
  // The stored value the DOM text was last reconciled with; local edits are measured against it.
  const base = useRef(value)
  const committed = useRef<string[]>([])
  const lastCommitAt = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const pendingRemote = useRef<string | undefined>(undefined)
  const onCommitRef = useRef(options.onCommit)
  const onBlurRef = useRef(options.onBlur)
  useEffect(() => {
    onCommitRef.current = options.onCommit
    onBlurRef.current = options.onBlur
  })

  const commitNow = useCallback(() => {
    clearTimeout(timer.current)
    timer.current = undefined
    if (composing.current) return
    const text = el.current?.value ?? latest.current
    const last = committed.current[committed.current.length - 1]
    if (text === last || (last === undefined && text === base.current)) return
    committed.current = [...committed.current.slice(-19), text]
    lastCommitAt.current = Date.now()
    onCommitRef.current(text)
  }, [])

  const scheduleCommit = useCallback(() => {
    if (composing.current) return
    const wait = lastCommitAt.current + commitIntervalMs - Date.now()
    if (wait <= 0) commitNow()
    else if (timer.current === undefined) timer.current = setTimeout(commitNow, wait)
  }, [commitIntervalMs, commitNow])

  const applyRemote = useCallback((remote: string) => {
    const node = el.current
    const echoAt = committed.current.lastIndexOf(remote)
    if (echoAt >= 0) {
      // Our own commit coming back: the DOM is already at or ahead of it.
      committed.current = committed.current.slice(echoAt)
      base.current = remote
      return
    }
    if (!node) {
      base.current = remote
      latest.current = remote
      return
    }
    const local = node.value
    const merged = rebaseText(base.current, local, remote)
    base.current = remote
    if (merged === local) return
    const focused = node.ownerDocument.activeElement === node
    const edit = diffText(local, merged)
    const selStart = node.selectionStart ?? local.length
    const selEnd = node.selectionEnd ?? local.length
    node.value = merged
    latest.current = merged
    if (focused) node.setSelectionRange(mapPosition(selStart, edit), mapPosition(selEnd, edit))
    // The merged text holds local edits the store has not seen yet.
    if (merged !== remote) scheduleCommit()
  }, [scheduleCommit])

  useEffect(() => {
    if (composing.current) {
      pendingRemote.current = value
      return
    }
    applyRemote(value)
  }, [value, applyRemote])

  // Unmounting mid-throttle (navigating away) must still store the last keystrokes.
  useEffect(
    () => () => {
      composing.current = false
      commitNow()
    },
    [commitNow],
  )

  const ref = useCallback((node: E | null) => {
    el.current = node
  }, [])

  const onInput = useCallback(
    (e: FormEvent<E>) => {
      latest.current = e.currentTarget.value
      const native = e.nativeEvent as InputEvent
      if (composing.current || native.isComposing) return
      scheduleCommit()
    },
    [scheduleCommit],
  )

  const onCompositionStart = useCallback(() => {
    composing.current = true
    clearTimeout(timer.current)
    timer.current = undefined
  }, [])

  const onCompositionEnd = useCallback(() => {
    composing.current = false
    if (el.current) latest.current = el.current.value
    const remote = pendingRemote.current
    pendingRemote.current = undefined
    if (remote !== undefined) applyRemote(remote)
    commitNow()
  }, [applyRemote, commitNow])

  const onBlur = useCallback(
    (e: FocusEvent<E>) => {
      // A blur ends any composition in every browser; do not wait for a compositionend that may not come.
      if (composing.current) onCompositionEnd()
      else commitNow()
      onBlurRef.current?.(e)
    },
    [commitNow, onCompositionEnd],
  )

  return { ref, defaultValue: initialValue, onInput, onCompositionStart, onCompositionEnd, onBlur }
}
