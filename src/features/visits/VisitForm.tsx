// The fields of a home-visit note (방문상담), the same for a new draft and a saved visit, so a draft that
// becomes a visit keeps its inputs (and the focus) mounted. The parent decides where each change goes.
import type { ReactNode } from 'react'
import { CONTACT_OUTCOMES, CRISIS_SIGNS, VISIT_KINDS } from '../../domain'
import type { ContactOutcome, CrisisSign, VisitKind } from '../../domain'
import { useEnumLabel, useT } from '../../i18n'
import { CheckGroup, ChoiceGroup, Field, FormError } from '../common'
import { caseHref } from './routes'
import { instantToSeoulLocal, seoulLocalToInstant } from './seoulTime'
import type { VisitTextKey, VisitValues } from './visitDraft'
import { VisitorsInput } from './VisitorsInput'
import { VisitTextField } from './VisitTextField'
import './visits.css'

export type VisitPatch = Partial<Omit<VisitValues, VisitTextKey>>

export interface VisitFormProps {
  caseId: string
  headName: string
  values: VisitValues
  /** Fields other than free text (picked, not typed). */
  onPatch: (patch: VisitPatch) => void
  saveText: (field: VisitTextKey, value: string) => Promise<unknown>
  track: (write: Promise<boolean>) => void
  errorFor: (field: string) => string | undefined
  formError?: string
  /** Beside the title: the save indicator, or that this is a draft. */
  status: ReactNode
  /** 저장 / 작성 취소 for a draft, 삭제 for a saved visit. */
  actions: ReactNode
  notice?: ReactNode
}

export function VisitForm(props: VisitFormProps) {
  const { caseId, headName, values, onPatch, saveText, track, errorFor } = props
  const t = useT()
  const label = useEnumLabel()
  const text = (field: VisitTextKey, rows?: number) => (
    <VisitTextField field={field} value={values[field]} save={saveText} track={track} error={errorFor(field)} rows={rows} />
  )
  return (
    <form className="visit" onSubmit={(e) => e.preventDefault()} aria-label={t('visit.title')}>
      <div className="visit-top">
        <a className="ui-button" href={caseHref(caseId)}>
          {t('visit.backToCase')}
        </a>
        <h1>{t('visit.titleFor', { name: headName })}</h1>
        {props.status}
      </div>
      {props.notice}
      <div className="ui-grid">
        <Field label={t('visit.field.visitedAt')} error={errorFor('visitedAt')}>
          {(c) => (
            <input
              className="ui-input"
              type="datetime-local"
              {...c}
              value={instantToSeoulLocal(values.visitedAt)}
              onChange={(e) => {
                const instant = seoulLocalToInstant(e.currentTarget.value)
                if (instant) onPatch({ visitedAt: instant })
              }}
            />
          )}
        </Field>
        <Field label={t('visit.field.nextVisitDate')} error={errorFor('nextVisitDate')}>
          {(c) => (
            <input
              className="ui-input"
              type="date"
              {...c}
              value={values.nextVisitDate ?? ''}
              onChange={(e) => onPatch({ nextVisitDate: e.currentTarget.value || undefined })}
            />
          )}
        </Field>
      </div>
      <VisitorsInput visitors={values.visitors} onChange={(visitors) => onPatch({ visitors })} error={errorFor('visitors')} />
      <ChoiceGroup<VisitKind>
        legend={t('visit.field.kind')}
        choices={VISIT_KINDS.map((k) => ({ value: k, label: label('visitKind', k) }))}
        value={values.kind}
        onChange={(kind) => onPatch({ kind })}
        error={errorFor('kind')}
      />
      <ChoiceGroup<ContactOutcome>
        legend={t('visit.field.contact')}
        choices={CONTACT_OUTCOMES.map((o) => ({ value: o, label: label('contactOutcome', o) }))}
        value={values.contact}
        onChange={(contact) => onPatch({ contact })}
        error={errorFor('contact')}
      />
      {text('welfareCheck', 2)}
      {text('health', 2)}
      {text('housing', 2)}
      <CheckGroup<CrisisSign>
        legend={t('visit.field.crisisSigns')}
        options={CRISIS_SIGNS.map((s) => ({ value: s, label: label('crisisSign', s) }))}
        selected={values.crisisSigns}
        onChange={(crisisSigns) => onPatch({ crisisSigns })}
        error={errorFor('crisisSigns')}
      />
      {text('observations', 8)}
      {text('nextSteps', 3)}
      <FormError message={props.formError} />
      <div className="ui-row visit-actions">{props.actions}</div>
    </form>
  )
}
