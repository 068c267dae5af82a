import type { ReactNode } from 'react'
import './common.css'

export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="ui-empty">
      <p>{children}</p>
      {action}
    </div>
  )
}
