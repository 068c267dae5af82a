// 욕구조사·위기조사: per domain 시급성 and 중요도 (1–5) with a note; the crisis-sign checklist.
import { CRISIS_SIGNS, SERVICE_DOMAINS } from '../../../domain'
import type { CaseFile, CrisisSign, ServiceDomain } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { setCrisisSigns, setNeed, setText } from '../../../store'
import { Button, CheckGroup, FormError, ImeTextArea, Section } from '../../common'
import { useCommand } from '../useCommand'

const SCORES = [1, 2, 3, 4, 5] as const

export function AssessmentSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand()
  const caseId = caseFile.meta.id
  return (
    <Section title={t('caseFile.assessment.title')}>
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
    </Section>
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
