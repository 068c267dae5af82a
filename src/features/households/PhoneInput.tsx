// A phone number field: the numeric keypad on phones and tablets, no autofill of personal numbers.
import { useT } from '../../i18n'
import type { ControlProps } from '../common'

export function PhoneInput({ control, value, onChange }: { control: ControlProps; value: string; onChange: (v: string) => void }) {
  const t = useT()
  return (
    <input
      {...control}
      className="ui-input"
      type="tel"
      inputMode="tel"
      autoComplete="off"
      placeholder={t('households.phonePlaceholder')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}
