// Korean (default) or English.
import { LOCALES, useLocale, useT } from '../../i18n'
import { ChoiceGroup, Section } from '../common'

export function LanguageSection() {
  const t = useT()
  const [locale, setLocale] = useLocale()
  return (
    <Section title={t('settings.language')}>
      <ChoiceGroup
        legend={t('settings.language')}
        choices={LOCALES.map((l) => ({ value: l, label: t(`settings.languageName.${l}`) }))}
        value={locale}
        onChange={setLocale}
      />
    </Section>
  )
}
