// Short status messages with an optional action (e.g. "되돌리기"). Without a provider, toasts are dropped.
// The list is a polite live region (role="status"); an action is a real 44 px <button>. A toast stays
// while it has the keyboard focus or the pointer, so nobody has to race its timer.
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import './common.css'

export interface ToastInput {
  message: string
  actionLabel?: string
  onAction?: () => void
  durationMs?: number
  /** Moves the focus to the action when shown (the control that was used has just disappeared, e.g. a deleted row). */
  focusAction?: boolean
}

interface ToastItem extends ToastInput {
  id: number
}

type ShowToast = (toast: ToastInput) => void

const ToastContext = createContext<ShowToast>(() => undefined)

export function useToast(): ShowToast {
  return useContext(ToastContext)
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([])
  const nextId = useRef(1)
  const dismiss = useCallback((id: number) => setItems((all) => all.filter((t) => t.id !== id)), [])
  const show = useCallback<ShowToast>((toast) => {
    const id = nextId.current++
    setItems((all) => [...all.slice(-2), { ...toast, id }])
  }, [])
  const value = useMemo(() => show, [show])
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="ui-toasts" role="status" aria-live="polite">
        {items.map((t) => (
          <ToastView key={t.id} toast={t} onDone={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  )
}

function ToastView({ toast, onDone }: { toast: ToastItem; onDone: (id: number) => void }) {
  const { id, durationMs = 5000, focusAction } = toast
  const [held, setHeld] = useState({ focus: false, pointer: false })
  const paused = held.focus || held.pointer
  const action = useRef<HTMLButtonElement | null>(null)
  useEffect(() => {
    if (paused) return
    const t = setTimeout(() => onDone(id), durationMs)
    return () => clearTimeout(t)
  }, [id, durationMs, onDone, paused])
  // In the commit itself, so nothing (a screen reader, a test, a fast second tap) sees the focus on <body> between.
  useLayoutEffect(() => {
    if (focusAction) action.current?.focus()
  }, [focusAction])
  return (
    <div
      className="ui-toast"
      onFocus={() => setHeld((h) => ({ ...h, focus: true }))}
      onBlur={() => setHeld((h) => ({ ...h, focus: false }))}
      onPointerEnter={() => setHeld((h) => ({ ...h, pointer: true }))}
      onPointerLeave={() => setHeld((h) => ({ ...h, pointer: false }))}
    >
      <span>{toast.message}</span>
      {toast.actionLabel && toast.onAction ? (
        <button
          ref={action}
          type="button"
          className="ui-button"
          onClick={() => {
            toast.onAction?.()
            onDone(id)
          }}
        >
          {toast.actionLabel}
        </button>
      ) : null}
    </div>
  )
}
