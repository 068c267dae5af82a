// Short status messages with an optional action (e.g. "되돌리기"). Without a provider, toasts are dropped.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { Button } from './Button'
import './common.css'

export interface ToastInput {
  message: string
  actionLabel?: string
  onAction?: () => void
  durationMs?: number
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
  const { id, durationMs = 5000 } = toast
  useEffect(() => {
    const t = setTimeout(() => onDone(id), durationMs)
    return () => clearTimeout(t)
  }, [id, durationMs, onDone])
  return (
    <div className="ui-toast">
      <span>{toast.message}</span>
      {toast.actionLabel && toast.onAction ? (
        <Button
          onClick={() => {
            toast.onAction?.()
            onDone(id)
          }}
        >
          {toast.actionLabel}
        </Button>
      ) : null}
    </div>
  )
}
