// One member's fields. Only the birth date and the sex digit are asked: never a full 주민등록번호.
import { useState } from 'react'
import { formatPhone } from '../../../domain'
import { useT } from '../../../i18n'
import type { MemberInput } from '../../../store'
import { Button, Field, FormError } from '../../common'
import { useCommand } from '../useCommand'

export type MemberDraft = MemberInput

const FIELDS = ['name', 'birthDate', 'sexDigit', 'phone', 'relation', 'isHead'] as const

export interface MemberFormProps {
  initial?: MemberInput
  onSave: (draft: MemberDraft) => Promise<void>
  onCancel: () => void
}

export function MemberForm({ initial, onSave, onCancel }: MemberFormProps) {
  const t = useT()
  const cmd = useCommand(FIELDS)
  const [name, setName] = useState(initial?.name ?? '')
  const [birthDate, setBirthDate] = useState(initial?.birthDate ?? '')
  const [sexDigit, setSexDigit] = useState(initial?.sexDigit ?? '')
  const [phone, setPhone] = useState(initial?.phone ? formatPhone(initial.phone) : '')
  const [relation, setRelation] = useState(initial?.relation ?? '')
  const [isHead, setIsHead] = useState(initial?.isHead ?? false)
  const submit = () => {
    // Empty fields are sent as undefined so an edit can clear them.
    const draft: MemberDraft = {
      name,
      isHead,
      birthDate: birthDate || undefined,
      sexDigit: sexDigit || undefined,
      phone: phone.trim() || undefined,
      relation: relation.trim() || undefined,
    }
    void cmd.run(() => onSave(draft))
  }
  return (
    <form
      className="cf-card"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <div className="ui-grid">
        <Field label={t('caseFile.members.name')} error={cmd.errorFor('name')} required>
          {(c) => <input className="ui-input" {...c} value={name} onChange={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field label={t('caseFile.members.relation')} error={cmd.errorFor('relation')}>
          {(c) => <input className="ui-input" {...c} value={relation} onChange={(e) => setRelation(e.currentTarget.value)} />}
        </Field>
        <Field label={t('caseFile.members.birthDate')} error={cmd.errorFor('birthDate')}>
          {(c) => <input className="ui-input" type="date" {...c} value={birthDate} onChange={(e) => setBirthDate(e.currentTarget.value)} />}
        </Field>
        <Field label={t('caseFile.members.sexDigit')} error={cmd.errorFor('sexDigit')} hint={t('caseFile.members.sexDigitHint')}>
          {(c) => (
            <input
              className="ui-input"
              inputMode="numeric"
              maxLength={1}
              pattern="[1-8]"
              {...c}
              value={sexDigit}
              onChange={(e) => setSexDigit(e.currentTarget.value.replace(/\D/g, '').slice(0, 1))}
            />
          )}
        </Field>
        <Field label={t('caseFile.phone')} error={cmd.errorFor('phone')} hint="010-1234-5678">
          {(c) => <input className="ui-input" type="tel" inputMode="tel" {...c} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} />}
        </Field>
      </div>
      <label className={isHead ? 'ui-toggle ui-toggle--on' : 'ui-toggle'}>
        <input type="checkbox" checked={isHead} onChange={(e) => setIsHead(e.currentTarget.checked)} />
        {t('caseFile.members.head')}
      </label>
      <FormError message={cmd.formError} />
      <div className="ui-row" style={{ marginTop: 8 }}>
        <Button type="submit" variant="primary" disabled={cmd.busy}>
          {t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  )
}
