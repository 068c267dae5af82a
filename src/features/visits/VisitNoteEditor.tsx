// A saved home-visit note (방문상담). Every field saves as it changes, so no save button: the note is in
// the case's Y.Doc (and IndexedDB) within a second of typing. It can be deleted (asks once, undo toast).
import { useT } from '../../i18n'
import type { TFunction } from '../../i18n'
import { useCaseFile } from '../../store'
import { ConfirmButton, EmptyState } from '../common'
import { caseHref } from './routes'
import { useLiveVisit } from './useLiveVisit'
import type { LiveVisit } from './useLiveVisit'
import type { SaveState } from './useSaveStatus'
import { VisitForm } from './VisitForm'
import type { VisitFormProps } from './VisitForm'

export interface VisitNoteEditorProps {
  caseId: string
  visitId: string
}

export function VisitNoteEditor({ caseId, visitId }: VisitNoteEditorProps) {
  const t = useT()
  const caseFile = useCaseFile(caseId)
  const live = useLiveVisit(caseId, visitId)
  const visit = caseFile?.visits.find((v) => v.id === visitId)
  if (!caseFile) return <EmptyState>{t('common.loading')}</EmptyState>
  if (!visit) {
    return <EmptyState action={<a href={caseHref(caseId)}>{t('visit.backToCase')}</a>}>{t('visit.gone')}</EmptyState>
  }
  return (
    <VisitForm caseId={caseId} headName={caseFile.members.find((m) => m.isHead)?.name ?? ''} values={visit} {...liveFormParts(live, t)} />
  )
}

/**
 * The handlers, status and actions of a saved visit's form (also those of a new visit once its draft is
 * saved: the same VisitForm stays mounted, so nothing typed or focused is lost on the way).
 */
export function liveFormParts(live: LiveVisit, t: TFunction): Omit<VisitFormProps, 'caseId' | 'headName' | 'values'> {
  return {
    onPatch: live.patch,
    saveText: live.saveText,
    track: live.track,
    errorFor: live.errorFor,
    formError: live.formError,
    status: <SaveIndicator state={live.state} />,
    actions: (
      <ConfirmButton confirmLabel={t('caseFile.record.confirmDelete')} onConfirm={live.remove}>
        {t('visit.delete')}
      </ConfirmButton>
    ),
  }
}

export function SaveIndicator({ state }: { state: SaveState }) {
  const t = useT()
  const message = state === 'saving' ? t('visit.saving') : state === 'failed' ? t('visit.saveFailed') : t('visit.saved')
  return (
    <span className={state === 'failed' ? 'ui-field__error' : 'ui-saved'} role="status" aria-live="polite">
      {message}
    </span>
  )
}
