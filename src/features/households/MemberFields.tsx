// One member (가구원) in the registration form: name, birth date, sex digit (never a full 주민등록번호), phone.
import { isDateString, maskRrn } from '../../domain'
import { useT } from '../../i18n'
import { Button, Field, ImeTextInput } from '../common'
import { PhoneInput } from './PhoneInput'
import type { FormErrors, MemberDraft } from './draft'

interface Props {
  index: number
  member: MemberDraft
  isHead: boolean
  errors: FormErrors
  canRemove: boolean
  onChange: (patch: Partial<MemberDraft>) => void
  onHead: () => void
  onRemove: () => void
}

export function MemberFields({ index, member, isHead, errors, canRemove, onChange, onHead, onRemove }: Props) {
  const t = useT()
  const p = `members.${index}`
  const masked = isDateString(member.birthDate) && /^[1-8]?$/.test(member.sexDigit) ? maskRrn(member.birthDate, member.sexDigit || undefined) : null
  return (
    <fieldset className="ui-fieldset member" data-testid="member-fields">
      <legend>{t('households.member', { n: index + 1 })}</legend>
      <Field label={t('households.memberName')} required error={errors[`${p}.name`]}>
        {(c) => <ImeTextInput {...c} value={member.name} autoComplete="off" onCommit={(name) => onChange({ name })} />}
      </Field>
      <div className="form-grid">
        <Field label={t('households.birthDate')} error={errors[`${p}.birthDate`]}>
          {(c) => (
            <input {...c} className="ui-input" type="date" value={member.birthDate} onChange={(e) => onChange({ birthDate: e.target.value })} />
          )}
        </Field>
        <Field
          label={t('households.sexDigit')}
          hint={masked ? `${t('households.sexDigitHint')} ${t('households.masked', { masked })}` : t('households.sexDigitHint')}
          error={errors[`${p}.sexDigit`]}
        >
          {(c) => (
            <input
              {...c}
              className="ui-input input--digit"
              inputMode="numeric"
              autoComplete="off"
              maxLength={1}
              value={member.sexDigit}
              onChange={(e) => onChange({ sexDigit: e.target.value.trim() })}
            />
          )}
        </Field>
        <Field label={t('households.memberPhone')} error={errors[`${p}.phone`]}>
          {(c) => <PhoneInput control={c} value={member.phone} onChange={(v) => onChange({ phone: v })} />}
        </Field>
        <Field label={t('households.relation')} error={errors[`${p}.relation`]}>
          {(c) => (
            <ImeTextInput
              {...c}
              value={member.relation}
              placeholder={t('households.relationPlaceholder')}
              onCommit={(relation) => onChange({ relation })}
            />
          )}
        </Field>
      </div>
      {masked ? (
        <p className="masked-rrn" data-testid="masked-rrn">
          {masked}
        </p>
      ) : null}
      <div className="ui-row">
        <label className={isHead ? 'ui-toggle ui-toggle--on' : 'ui-toggle'}>
          <input type="radio" name="household-head" checked={isHead} onChange={onHead} />
          {t('households.isHead')}
        </label>
        {canRemove ? (
          <Button variant="ghost" onClick={onRemove}>
            {t('households.removeMember')}
          </Button>
        ) : null}
      </div>
    </fieldset>
  )
}
