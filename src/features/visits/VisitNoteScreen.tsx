// Route screen for #/case/<caseId>/visit/<visitId|new>. "new" is a draft (NewVisit) that is saved only
// when the worker saves it or writes into it with the contact outcome picked; the address then becomes
// the visit's (replaced, not pushed: "back" must not land on /new again).
import { useCallback } from 'react'
import { visitHref } from './routes'
import { NewVisit } from './NewVisit'
import { VisitNoteEditor } from './VisitNoteEditor'
import '../../i18n/screenMessages'

export interface VisitNoteScreenProps {
  caseId: string
  visitId: string | 'new'
}

export function VisitNoteScreen({ caseId, visitId }: VisitNoteScreenProps) {
  const onCreated = useCallback((id: string) => history.replaceState(history.state, '', visitHref(caseId, id)), [caseId])
  if (visitId === 'new') return <NewVisit caseId={caseId} onCreated={onCreated} />
  return <VisitNoteEditor caseId={caseId} visitId={visitId} />
}
