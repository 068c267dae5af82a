// New password and its confirmation, with the policy stated up front (shared by the first-sign-in
// change and 설정 › 비밀번호 변경).
import { useT } from '../../i18n'
import { PasswordField } from '../common'

export function NewPasswordFields(props: { next: string; confirm: string; onNext: (v: string) => void; onConfirm: (v: string) => void }) {
  const t = useT()
  return (
    <>
      <p className="muted">{t('lock.pw.rule')}</p>
      <PasswordField label={t('lock.pw.next')} value={props.next} onChange={props.onNext} autoComplete="new-password" />
      <PasswordField label={t('lock.pw.confirm')} value={props.confirm} onChange={props.onConfirm} autoComplete="new-password" />
    </>
  )
}
