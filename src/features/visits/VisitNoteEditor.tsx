// The home-visit note (방문상담). Every field saves as it changes, so no save button: the note is in
// the case's Y.Doc (and IndexedDB) within a second of typing.
import { CONTACT_OUTCOMES, CRISIS_SIGNS, VISIT_KINDS } from '../../domain'
import type { ContactOutcome, CrisisSign, VisitKind, VisitNote } from '../../domain'
import { useEnumLabel, useT } from '../../i18n'
import { updateVisit, useCaseFile } from '../../store'
import type { VisitInput } from '../../store'
import { CheckGroup, ChoiceGroup, EmptyState, Field, FormError } from '../common'
import { useCommand } from '../caseFile/useCommand'
import { caseHref } from './routes'
import { instantToSeoulLocal, seoulLocalToInstant } from './seoulTime'
import { useSaveStatus } from './useSaveStatus'
import type { SaveState } from './useSaveStatus'
import { VisitorsInput } from './VisitorsInput'
import { VisitTextField } from './VisitTextField'
import type { VisitTextKey } from './VisitTextField'
import './visits.css'

const FIELDS = ['visitedAt', 'visitors', 'kind', 'contact', 'crisisSigns', 'nextVisitDate'] as const

export interface VisitNoteEditorProps {
  caseId: string
  visitId: string
}

export function VisitNoteEditor({ caseId, visitId }: VisitNoteEditorProps) {
  const t = useT()
  const caseFile = useCaseFile(caseId)
  const visit = caseFile?.visits.find((v) => v.id === visitId)
  if (!caseFile || !visit) return <EmptyState>{t('common.loading')}</EmptyState>
  return <VisitForm caseId={caseId} visit={visit} headName={caseFile.members.find((m) => m.isHead)?.name ?? ''} />
}

function VisitForm({ caseId, visit, headName }: { caseId: string; visit: VisitNote; headName: string }) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand(FIELDS)
  const { state, track } = useSaveStatus()
  const patch = (p: VisitInput) => track(cmd.run(() => updateVisit(caseId, visit.id, p)))
  const text = (field: VisitTextKey, rows?: number) => (
    <VisitTextField caseId={caseId} visitId={visit.id} field={field} value={visit[field]} track={track} rows={rows} />
  )
  return (
    <form className="visit" onSubmit={(e) => e.preventDefault()} aria-label={t('visit.title')}>
      <div className="visit-top">
        <a className="ui-button" href={caseHref(caseId)}>
          {t('visit.backToCase')}
        </a>
        <h1>{t('visit.titleFor', { name: headName })}</h1>
        <SaveIndicator state={state} />
      </div>
      <div className="ui-grid">
        <Field label={t('visit.field.visitedAt')} error={cmd.errorFor('visitedAt')}>
          {(c) => (
            <input
              className="ui-input"
              type="datetime-local"
              {...c}
              value={instantToSeoulLocal(visit.visitedAt)}
              onChange={(e) => {
                const instant = seoulLocalToInstant(e.currentTarget.value)
                if (instant) patch({ visitedAt: instant })
              }}
            />
          )}
        </Field>
        <Field label={t('visit.field.nextVisitDate')} error={cmd.errorFor('nextVisitDate')}>
          {(c) => (
            <input
              className="ui-input"
              type="date"
              {...c}
              value={visit.nextVisitDate ?? ''}
              onChange={(e) => patch({ nextVisitDate: e.currentTarget.value || undefined })}
            />
          )}
        </Field>
      </div>
      <VisitorsInput visitors={visit.visitors} onChange={(visitors) => patch({ visitors })} error={cmd.errorFor('visitors')} />
      <ChoiceGroup<VisitKind>
        legend={t('visit.field.kind')}
        choices={VISIT_KINDS.map((k) => ({ value: k, label: label('visitKind', k) }))}
        value={visit.kind}
        onChange={(kind) => patch({ kind })}
        error={cmd.errorFor('kind')}
      />
      <ChoiceGroup<ContactOutcome>
        legend={t('visit.field.contact')}
        choices={CONTACT_OUTCOMES.map((o) => ({ value: o, label: label('contactOutcome', o) }))}
        value={visit.contact}
        onChange={(contact) => patch({ contact })}
        error={cmd.errorFor('contact')}
      />
      {text('welfareCheck', 2)}
      {text('health', 2)}
      {text('housing', 2)}
      <CheckGroup<CrisisSign>
        legend={t('visit.field.crisisSigns')}
        options={CRISIS_SIGNS.map((s) => ({ value: s, label: label('crisisSign', s) }))}
        selected={visit.crisisSigns}
        onChange={(crisisSigns) => patch({ crisisSigns })}
        error={cmd.errorFor('crisisSigns')}
      />
      {text('observations', 8)}
      {text('nextSteps', 3)}
      <FormError message={cmd.formError} />
    </form>
  )
}

function SaveIndicator({ state }: { state: SaveState }) {
  const t = useT()
  const message = state === 'saving' ? t('visit.saving') : state === 'failed' ? t('visit.saveFailed') : t('visit.saved')
  return (
    <span className={state === 'failed' ? 'ui-field__error' : 'ui-saved'} role="status" aria-live="polite">
      {message}
    </span>
  )
}
