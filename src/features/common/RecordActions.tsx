// 수정 and 삭제 beside one record of a list (44 px buttons, wrapping on a 360 px phone). 삭제 asks once
// (ConfirmButton); the group is named after the record so a screen reader says which one.
import { useT } from '../../i18n'
import { Button } from './Button'
import { ConfirmButton } from './ConfirmButton'
import './common.css'

export interface RecordActionsProps {
  /** The record in a few words, e.g. "2026.11.03 사례회의". */
  what: string
  onEdit?: () => void
  /** A link instead of onEdit (a record edited on its own screen, e.g. a visit). */
  editHref?: string
  onDelete: () => void
  disabled?: boolean
}

export function RecordActions({ what, onEdit, editHref, onDelete, disabled }: RecordActionsProps) {
  const t = useT()
  return (
    <div className="ui-row ui-record-actions" role="group" aria-label={what}>
      {editHref ? (
        <a className="ui-button ui-link-button" href={editHref}>
          {t('caseFile.edit')}
        </a>
      ) : onEdit ? (
        <Button onClick={onEdit} disabled={disabled}>
          {t('caseFile.edit')}
        </Button>
      ) : null}
      <ConfirmButton confirmLabel={t('caseFile.record.confirmDelete')} onConfirm={onDelete} disabled={disabled}>
        {t('common.remove')}
      </ConfirmButton>
    </div>
  )
}
