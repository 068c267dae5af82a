// New password and its confirmation, with the policy stated up front (shared by the first-sign-in
// change and 설정 › 비밀번호 변경).
import { useT } from '../../i18n'
import { Field } from '../common'

export function NewPasswordFields(props: { next: string; confirm: string; onNext: (v: string) => void; onConfirm: (v: string) => void }) {
  const t = useT()
  return (
    <>
      <p className="muted">{t('lock.pw.rule')}</p>
      <Field label={t('lock.pw.next')}>
        {(c) => (
          <input {...c} className="ui-input" type="password" autoComplete="new-password" value={props.next} onChange={(e) => props.onNext(e.target.value)} />
        )}
      </Field>
      <Field label={t('lock.pw.confirm')}>
        {(c) => (
          <input {...c} className="ui-input" type="password" autoComplete="new-password" value={props.confirm} onChange={(e) => props.onConfirm(e.target.value)} />
        )}
      </Field>
    </>
  )
}
