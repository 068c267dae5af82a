// 욕구조사·위기조사: per domain 시급성 and 중요도 (1–5) with a note; the crisis-sign checklist; 재판정 (a new
// dated assessment, the earlier ones kept and listed below).
import { useState } from 'react'
import { CRISIS_SIGNS, SERVICE_DOMAINS, assessedDomains, formatDate, formatDateTime, pastAssessments, rankedNeeds, todayInSeoul } from '../../../domain'
import type { CaseFile, CrisisSign, ServiceDomain } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { setCrisisSigns, setNeed, setText, startReassessment } from '../../../store'
import { Button, CheckGroup, Field, FormActions, FormError, ImeTextArea, Section } from '../../common'
import { useCommand } from '../useCommand'

const SCORES = [1, 2, 3, 4, 5] as const

export function AssessmentSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand()
  const caseId = caseFile.meta.id
  const [reassessing, setReassessing] = useState(false)
  const canReassess = assessedDomains(caseFile.assessment).length > 0
  return (
    <Section
      title={t('caseFile.assessment.title')}
      actions={canReassess && !reassessing ? <Button onClick={() => setReassessing(true)}>{t('caseFile.reassess.action')}</Button> : null}
    >
      {caseFile.assessment.date ? <p>{t('caseFile.reassess.current', { date: formatDate(caseFile.assessment.date) })}</p> : null}
      {reassessing ? <ReassessForm caseFile={caseFile} onDone={() => setReassessing(false)} /> : null}
      <p className="cf-meta">{t('caseFile.assessment.hint')}</p>
      {SERVICE_DOMAINS.map((domain) => (
        <NeedRow key={domain} caseFile={caseFile} domain={domain} run={cmd.run} />
      ))}
      <CheckGroup<CrisisSign>
        legend={t('caseFile.assessment.crisisSigns')}
        options={CRISIS_SIGNS.map((s) => ({ value: s, label: label('crisisSign', s) }))}
        selected={caseFile.assessment.crisisSigns}
        onChange={(signs) => void cmd.run(() => setCrisisSigns(caseId, signs))}
      />
      <FormError message={cmd.formError} />
      <PastAssessments caseFile={caseFile} />
    </Section>
  )
}

function ReassessForm({ caseFile, onDone }: { caseFile: CaseFile; onDone: () => void }) {
  const t = useT()
  const cmd = useCommand(['date'])
  const [date, setDate] = useState(todayInSeoul())
  return (
    <form
      className="cf-card"
      aria-label={t('caseFile.reassess.action')}
      onSubmit={(e) => {
        e.preventDefault()
        void cmd.run(() => startReassessment(caseFile.meta.id, date)).then((ok) => ok && onDone())
      }}
    >
      <p className="muted">{t('caseFile.reassess.explain')}</p>
      <Field label={t('caseFile.reassess.date')} error={cmd.errorFor('date')} required>
        {(c) => <input className="ui-input" type="date" {...c} value={date} onChange={(e) => setDate(e.currentTarget.value)} />}
      </Field>
      <FormActions busy={cmd.busy} error={cmd.formError} onCancel={onDone} />
    </form>
  )
}

/** Earlier assessments, folded: their date and the needs they put first. */
function PastAssessments({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const past = pastAssessments(caseFile.history)
  if (past.length === 0) return null
  return (
    <details className="cf-past">
      <summary>{t('caseFile.reassess.past', { n: past.length })}</summary>
      <ul className="ui-list">
        {past.map(({ replacedAt, assessment }) => (
          <li key={replacedAt}>
            <strong>{assessment.date ? formatDate(assessment.date) : t('caseFile.reassess.undated')}</strong>{' '}
            <span className="cf-meta">({t('caseFile.reassess.replacedAt', { at: formatDateTime(replacedAt) })})</span>
            <div>
              {rankedNeeds(assessment)
                .map(({ domain, need }) => `${label('serviceDomain', domain)} ${need.urgency}·${need.importance}`)
                .join(', ') || t('caseFile.fold.none')}
            </div>
          </li>
        ))}
      </ul>
    </details>
  )
}

interface NeedRowProps {
  caseFile: CaseFile
  domain: ServiceDomain
  run: (command: () => Promise<unknown>) => Promise<boolean>
}

function NeedRow({ caseFile, domain, run }: NeedRowProps) {
  const t = useT()
  const label = useEnumLabel()
  const caseId = caseFile.meta.id
  const need = caseFile.assessment.needs[domain]
  const score = (kind: 'urgency' | 'importance', value: number) => {
    // A domain is assessed once both scores exist; the first tap fills the other with the middle value.
    const next = { urgency: need?.urgency ?? 3, importance: need?.importance ?? 3, [kind]: value }
    void run(() => setNeed(caseId, domain, next))
  }
  return (
    <div className="cf-need">
      <strong>{label('serviceDomain', domain)}</strong>
      {(['urgency', 'importance'] as const).map((kind) => (
        <div key={kind} role="group" aria-label={`${label('serviceDomain', domain)} ${t(`caseFile.assessment.${kind}`)}`} className="ui-row">
          <span style={{ minWidth: 56 }}>{t(`caseFile.assessment.${kind}`)}</span>
          <div className="cf-scores">
            {SCORES.map((n) => (
              <Button key={n} variant={need?.[kind] === n ? 'primary' : 'default'} aria-pressed={need?.[kind] === n} onClick={() => score(kind, n)}>
                {n}
              </Button>
            ))}
          </div>
        </div>
      ))}
      {need ? (
        <ImeTextArea
          rows={2}
          aria-label={`${label('serviceDomain', domain)} ${t('caseFile.assessment.note')}`}
          placeholder={t('caseFile.assessment.note')}
          value={need.note}
          onCommit={(v) => void run(() => setText(caseId, ['assessment', 'needs', domain, 'note'], v))}
        />
      ) : null}
    </div>
  )
}
