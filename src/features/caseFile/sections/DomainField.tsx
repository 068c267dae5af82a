// The 복지서비스 연계 domain picker shared by planned services and linkages.
import { SERVICE_DOMAINS } from '../../../domain'
import type { ServiceDomain } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { Field } from '../../common'

export function DomainField({ value, onChange, error }: { value: ServiceDomain; onChange: (d: ServiceDomain) => void; error?: string }) {
  const t = useT()
  const label = useEnumLabel()
  return (
    <Field label={t('caseFile.domain')} error={error}>
      {(c) => (
        <select className="ui-input" {...c} value={value} onChange={(e) => onChange(e.currentTarget.value as ServiceDomain)}>
          {SERVICE_DOMAINS.map((d) => (
            <option key={d} value={d}>
              {label('serviceDomain', d)}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
