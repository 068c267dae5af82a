import type { ReactNode } from 'react'
import './common.css'

export type BadgeTone = 'neutral' | 'info' | 'warn' | 'danger' | 'ok'

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={tone === 'neutral' ? 'ui-badge' : `ui-badge ui-badge--${tone}`}>{children}</span>
}
