// Route screen for #/case/<caseId>/visit/<visitId|new>. A new visit is created at once, so every
// keystroke from the first one lands in the case's document.
import { useEffect, useRef, useState } from 'react'
import { useT } from '../../i18n'
import { createVisit } from '../../store'
import { EmptyState, FormError } from '../common'
import { visitHref } from './routes'
import { VisitNoteEditor } from './VisitNoteEditor'
import '../../i18n/screenMessages'

export interface VisitNoteScreenProps {
  caseId: string
  visitId: string | 'new'
}

export function VisitNoteScreen({ caseId, visitId }: VisitNoteScreenProps) {
  const t = useT()
  const [created, setCreated] = useState<string | undefined>(undefined)
  const [error, setError] = useState<string | undefined>(undefined)
  const started = useRef(false)
  useEffect(() => {
    // The ref survives StrictMode's effect replay, so one visit is created, not two.
    if (visitId !== 'new' || started.current) return
    started.current = true
    createVisit(caseId, { contact: 'met' })
      .then((id) => {
        setCreated(id)
        // Replace, not push: "back" must not land on /new and create another visit.
        history.replaceState(history.state, '', visitHref(caseId, id))
      })
      .catch(() => setError(t('visit.createFailed')))
  }, [caseId, visitId, t])
  const id = visitId === 'new' ? created : visitId
  if (error) return <FormError message={error} />
  if (!id) return <EmptyState>{t('visit.creating')}</EmptyState>
  return <VisitNoteEditor caseId={caseId} visitId={id} />
}
