// 개인정보 수집·이용 및 제3자 제공 동의 (issue 9): each consent with its date, how it was given (서면 / 구두)
// and its scope (agencies or purposes); recorded here, withdrawn from a day on. A referral or share to
// another team needs one that covers that team, or a legal basis (ReferralSection, and the relay checks).
import { useState } from 'react'
import type { FormEvent } from 'react'
import { CONSENT_METHODS, consentInEffect, formatDate, todayInSeoul } from '../../../domain'
import type { CaseFile, Consent, ConsentMethod } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { recordConsent, withdrawConsent } from '../../../store'
import { useSession } from '../../../security/session'
import { Badge, Button, ChoiceGroup, EmptyState, Field, FormError, ImeTextInput, Section, formText, readAtSubmit } from '../../common'
import { useCommand } from '../useCommand'

const FIELDS = ['date', 'scope', 'method', 'note'] as const

export function ConsentSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const [adding, setAdding] = useState(false)
  const [withdrawing, setWithdrawing] = useState<string | undefined>(undefined)
  const consents = [...caseFile.consents].sort((a, b) => b.date.localeCompare(a.date))
  return (
    <Section
      title={t('caseFile.consent.title')}
      actions={adding ? null : <Button onClick={() => setAdding(true)}>{t('caseFile.consent.add')}</Button>}
    >
      <p className="cf-meta">{t('caseFile.consent.explain')}</p>
      {adding ? <ConsentForm caseId={caseFile.meta.id} onDone={() => setAdding(false)} /> : null}
      {consents.length === 0 ? (
        adding ? null : <EmptyState>{t('caseFile.consent.empty')}</EmptyState>
      ) : (
        <ul className="ui-list">
          {consents.map((c) => (
            <li key={c.id}>
              <ConsentLine consent={c} onWithdraw={withdrawing === undefined && !c.withdrawnAt ? () => setWithdrawing(c.id) : undefined} />
              {withdrawing === c.id ? (
                <WithdrawForm caseId={caseFile.meta.id} consent={c} onDone={() => setWithdrawing(undefined)} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}

function ConsentLine({ consent, onWithdraw }: { consent: Consent; onWithdraw?: () => void }) {
  const t = useT()
  const label = useEnumLabel()
  const live = consentInEffect(consent, todayInSeoul())
  return (
    <div className="ui-record" data-testid="consent">
      <p className="ui-record__body">
        <strong>{formatDate(consent.date)}</strong> · {label('consentMethod', consent.method)} · {consent.scope.join(', ')}{' '}
        {consent.withdrawnAt ? (
          <Badge tone="warn">{t('caseFile.consent.withdrawnOn', { date: formatDate(consent.withdrawnAt) })}</Badge>
        ) : live ? (
          <Badge tone="ok">{t('caseFile.consent.inEffect')}</Badge>
        ) : null}
        {consent.note ? <span className="cf-meta"> · {consent.note}</span> : null}
      </p>
      {onWithdraw ? (
        <Button onClick={onWithdraw} aria-label={`${t('caseFile.consent.what', { date: formatDate(consent.date) })} ${t('caseFile.consent.withdraw')}`}>
          {t('caseFile.consent.withdraw')}
        </Button>
      ) : null}
    </div>
  )
}

function ConsentForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useT()
  const label = useEnumLabel()
  const session = useSession()
  const cmd = useCommand(FIELDS)
  const [date, setDate] = useState(todayInSeoul())
  const [method, setMethod] = useState<ConsentMethod | undefined>(undefined)
  const [methodError, setMethodError] = useState<string | undefined>(undefined)
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    if (!method) {
      setMethodError(t('caseFile.consent.pickMethod'))
      return
    }
    setMethodError(undefined)
    const scope = formText(e.currentTarget, 'scope').split(/[,，\n]/)
    const note = formText(e.currentTarget, 'note')
    const by = session?.user.username
    if (await cmd.run(() => recordConsent(caseId, { date, scope, method, note }, by))) onDone()
  }
  return (
    <form className="cf-card" onSubmit={(e) => void save(e)} aria-label={t('caseFile.consent.add')}>
      <Field label={t('caseFile.consent.date')} error={cmd.errorFor('date')} required>
        {(c) => <input className="ui-input" type="date" {...c} value={date} max={todayInSeoul()} onChange={(e) => setDate(e.currentTarget.value)} />}
      </Field>
      <ChoiceGroup
        legend={t('caseFile.consent.method')}
        choices={CONSENT_METHODS.map((m) => ({ value: m, label: label('consentMethod', m) }))}
        value={method}
        onChange={setMethod}
        error={methodError ?? cmd.errorFor('method')}
      />
      <Field label={t('caseFile.consent.scope')} hint={t('caseFile.consent.scopeHint')} error={cmd.errorFor('scope')} required>
        {(c) => <ImeTextInput {...c} name="scope" value="" onCommit={readAtSubmit} />}
      </Field>
      <Field label={t('caseFile.consent.note')} error={cmd.errorFor('note')}>
        {(c) => <ImeTextInput {...c} name="note" value="" onCommit={readAtSubmit} />}
      </Field>
      <FormError message={cmd.formError} />
      <div className="ui-row">
        <Button type="submit" variant="primary" disabled={cmd.busy}>
          {t('caseFile.consent.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  )
}

function WithdrawForm({ caseId, consent, onDone }: { caseId: string; consent: Consent; onDone: () => void }) {
  const t = useT()
  const session = useSession()
  const cmd = useCommand(['withdrawnAt'])
  const [date, setDate] = useState(todayInSeoul())
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    if (await cmd.run(() => withdrawConsent(caseId, consent.id, date, session?.user.username))) onDone()
  }
  return (
    <form className="cf-card" onSubmit={(e) => void save(e)} aria-label={t('caseFile.consent.withdraw')}>
      <Field label={t('caseFile.consent.withdrawDate')} error={cmd.errorFor('withdrawnAt')} required>
        {(c) => <input className="ui-input" type="date" {...c} value={date} min={consent.date} max={todayInSeoul()} onChange={(e) => setDate(e.currentTarget.value)} />}
      </Field>
      <FormError message={cmd.formError} />
      <div className="ui-row">
        <Button type="submit" variant="danger" disabled={cmd.busy}>
          {t('caseFile.consent.withdrawSave')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  )
}
