// 접수·초기상담: date, referral source, presenting problem (Y.Text, saved as typed).
import { REFERRAL_SOURCES } from '../../../domain'
import type { CaseFile, Intake, ReferralSource } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { setIntake, setText } from '../../../store'
import { Field, FormError, ImeTextArea, ImeTextInput, Section } from '../../common'
import { useCommand } from '../useCommand'

const FIELDS = ['date', 'source', 'sourceDetail', 'presentingProblem'] as const

export function IntakeSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand(FIELDS)
  const caseId = caseFile.meta.id
  const intake = caseFile.intake
  const save = (patch: Partial<Intake>) => void cmd.run(() => setIntake(caseId, patch))
  return (
    <Section title={t('caseFile.intake.title')}>
      <div className="ui-grid">
        <Field label={t('caseFile.intake.date')} error={cmd.errorFor('date')}>
          {(c) => <input className="ui-input" type="date" {...c} value={intake.date} onChange={(e) => e.currentTarget.value && save({ date: e.currentTarget.value })} />}
        </Field>
        <Field label={t('caseFile.intake.source')} error={cmd.errorFor('source')}>
          {(c) => (
            <select className="ui-input" {...c} value={intake.source} onChange={(e) => save({ source: e.currentTarget.value as ReferralSource })}>
              {REFERRAL_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {label('referralSource', s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('caseFile.intake.sourceDetail')} error={cmd.errorFor('sourceDetail')}>
          {(c) => <ImeTextInput {...c} value={intake.sourceDetail ?? ''} onCommit={(v) => save({ sourceDetail: v.trim() ? v : undefined })} />}
        </Field>
      </div>
      <Field label={t('caseFile.intake.problem')} error={cmd.errorFor('presentingProblem')} hint={t('caseFile.savedAsTyped')}>
        {(c) => (
          <ImeTextArea
            {...c}
            value={intake.presentingProblem}
            onCommit={(v) => void cmd.run(() => setText(caseId, ['intake', 'presentingProblem'], v))}
          />
        )}
      </Field>
      <FormError message={cmd.formError} />
    </Section>
  )
}
