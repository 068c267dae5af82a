// The 7-stage stepper and the explicit stage change; a refused move shows the domain's Korean reason.
import { useState } from 'react'
import { STAGES } from '../../domain'
import type { CaseFile, Stage } from '../../domain'
import { useEnumLabel, useT } from '../../i18n'
import { changeStage, reopenCase } from '../../store'
import { Button, Field, FormError } from '../common'
import { ReasonForm } from './ReasonForm'
import { useCommand } from './useCommand'

/** The usual next stage (서비스연계가구 skip the plan). */
function nextStage(cf: CaseFile): Stage | undefined {
  const from = cf.meta.stage
  if (from === 'selection' && cf.selection?.kind === 'linkage') return 'delivery'
  if (from === 'delivery') return 'closed'
  return STAGES[STAGES.indexOf(from) + 1]
}

export function StageControl({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand()
  const current = caseFile.meta.stage
  const currentIndex = STAGES.indexOf(current)
  const next = nextStage(caseFile)
  const [target, setTarget] = useState<Stage | ''>('')
  const [reopening, setReopening] = useState(false)
  const caseId = caseFile.meta.id
  const closed = current === 'closed' || current === 'followUp'

  return (
    <div aria-label={t('caseFile.stage.title')} role="group">
      <ol className="cf-stepper">
        {STAGES.map((s, i) => (
          <li key={s} aria-current={s === current ? 'step' : undefined} className={i < currentIndex ? 'cf-step--done' : undefined}>
            <span aria-hidden="true">{i + 1}</span>
            {label('stage', s)}
          </li>
        ))}
      </ol>
      <div className="ui-row">
        {next ? (
          <Button variant="primary" disabled={cmd.busy} onClick={() => void cmd.run(() => changeStage(caseId, next))}>
            {t('caseFile.stage.next', { stage: label('stage', next) })}
          </Button>
        ) : null}
        <Field label={t('caseFile.stage.pick')}>
          {(control) => (
            <select className="ui-input" {...control} value={target} onChange={(e) => setTarget(e.currentTarget.value as Stage | '')}>
              <option value="">{t('caseFile.stage.pickPlaceholder')}</option>
              {STAGES.filter((s) => s !== current).map((s) => (
                <option key={s} value={s}>
                  {label('stage', s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button
          disabled={target === '' || cmd.busy}
          onClick={() => {
            if (target === '') return
            void cmd.run(() => changeStage(caseId, target)).then((ok) => ok && setTarget(''))
          }}
        >
          {t('caseFile.stage.change')}
        </Button>
        {closed && !reopening ? <Button onClick={() => setReopening(true)}>{t('caseFile.reopen.action')}</Button> : null}
      </div>
      <FormError message={cmd.formError} />
      {reopening ? (
        <ReasonForm title={t('caseFile.reopen.title')} onSubmit={(reason) => reopenCase(caseId, reason)} onDone={() => setReopening(false)}>
          <p className="muted">{t('caseFile.reopen.explain')}</p>
        </ReasonForm>
      ) : null}
    </div>
  )
}
