// Where the changes of a saved visit go: each picked field through updateVisit, each text through
// setText (saved as typed), with the "저장 중… / 저장됨" state; and its delete (asks once in the UI,
// then "삭제했습니다 · 되돌리기" for about 10 s while the case file is shown again).
import { useCallback } from 'react'
import { removeVisit, setText, undoRemove, updateVisit } from '../../store'
import type { VisitInput } from '../../store'
import { useDeleteWithUndo } from '../common'
import { useCommand } from '../caseFile/useCommand'
import { caseHref } from './routes'
import { useSaveStatus } from './useSaveStatus'
import type { SaveState } from './useSaveStatus'
import type { VisitPatch } from './VisitForm'
import type { VisitTextKey } from './visitDraft'

export const VISIT_FIELDS = ['visitedAt', 'visitors', 'kind', 'contact', 'crisisSigns', 'nextVisitDate'] as const

/** A form patch as the store takes it (only the keys present; lists copied). */
export function toVisitInput(p: VisitPatch): VisitInput {
  const input: VisitInput = {}
  if ('visitedAt' in p) input.visitedAt = p.visitedAt
  if ('visitors' in p && p.visitors) input.visitors = [...p.visitors]
  if ('kind' in p) input.kind = p.kind
  if ('contact' in p && p.contact) input.contact = p.contact
  if ('crisisSigns' in p && p.crisisSigns) input.crisisSigns = [...p.crisisSigns]
  if ('nextVisitDate' in p) input.nextVisitDate = p.nextVisitDate
  return input
}

export interface LiveVisit {
  patch: (p: VisitPatch) => void
  saveText: (field: VisitTextKey, value: string) => Promise<unknown>
  track: (write: Promise<boolean>) => void
  state: SaveState
  errorFor: (field: string) => string | undefined
  formError: string | undefined
  remove: () => void
}

export function useLiveVisit(caseId: string, visitId: string | undefined): LiveVisit {
  const cmd = useCommand(VISIT_FIELDS)
  const removal = useCommand()
  const deleteWithUndo = useDeleteWithUndo(removal.run)
  const { state, track } = useSaveStatus()
  const run = cmd.run
  const patch = useCallback(
    (p: VisitPatch) => {
      if (visitId) track(run(() => updateVisit(caseId, visitId, toVisitInput(p))))
    },
    [caseId, visitId, track, run],
  )
  const saveText = useCallback(
    (field: VisitTextKey, value: string) => (visitId ? setText(caseId, ['visits', visitId, field], value) : Promise.resolve()),
    [caseId, visitId],
  )
  const remove = useCallback(() => {
    if (!visitId) return
    void deleteWithUndo(() => removeVisit(caseId, visitId), undoRemove).then((deleted) => {
      if (deleted) window.location.hash = caseHref(caseId)
    })
  }, [caseId, visitId, deleteWithUndo])
  return { patch, saveText, track, state, errorFor: cmd.errorFor, formError: cmd.formError ?? removal.formError, remove }
}
