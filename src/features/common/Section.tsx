// A titled block of a screen; `actions` sit beside the title (e.g. "새 방문 기록").
import { useId } from 'react'
import type { ReactNode } from 'react'
import './common.css'

export interface SectionProps {
  title: ReactNode
  actions?: ReactNode
  children?: ReactNode
  id?: string
}

export function Section({ title, actions, children, id }: SectionProps) {
  const headingId = useId()
  return (
    <section className="ui-section" aria-labelledby={headingId} id={id}>
      <div className="ui-section__head">
        <h2 className="ui-section__title" id={headingId}>
          {title}
        </h2>
        {actions ? <div className="ui-row">{actions}</div> : null}
      </div>
      {children}
    </section>
  )
}
