// 자원 목록: the visiting-services directory (seed 003) plus the district's own resources.
import { useState } from 'react'
import { SERVICE_DOMAINS } from '../../domain'
import type { ServiceDomain } from '../../domain'
import { useResources } from '../../store'
import { useEnumLabel, useT } from '../../i18n'
import { Badge } from '../common'
import { ResourceForm } from './ResourceForm'
import '../../i18n/screenMessages'

export function ResourcesScreen() {
  const t = useT()
  const label = useEnumLabel()
  const resources = useResources()
  const [domain, setDomain] = useState<ServiceDomain>()
  const shown = resources.filter((r) => domain === undefined || r.domain === domain)

  return (
    <div className="screen resources">
      <h1 className="screen__title">{t('resources.title')}</h1>
      <p className="muted">{t('resources.intro')}</p>
      <div className="chips" role="group" aria-label={t('resources.filter')}>
        <button type="button" className="chip" aria-pressed={domain === undefined} onClick={() => setDomain(undefined)}>
          {t('common.all')}
        </button>
        {SERVICE_DOMAINS.map((d) => (
          <button key={d} type="button" className="chip" aria-pressed={domain === d} onClick={() => setDomain(domain === d ? undefined : d)}>
            {label('serviceDomain', d)}
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t('resources.empty')}</p>
      ) : (
        <ul className="card-list" data-testid="resource-list">
          {shown.map((r) => (
            <li key={r.id} className="card">
              <div className="card__head">
                <strong>{r.name}</strong>
                <span className="ui-row">
                  <Badge tone="info">{label('serviceDomain', r.domain)}</Badge>
                  {r.builtIn ? <Badge>{t('resources.builtIn')}</Badge> : null}
                </span>
              </div>
              <dl className="card__facts">
                <dt>{t('resources.provider')}</dt>
                <dd>{r.provider}</dd>
                {r.target ? (
                  <>
                    <dt>{t('resources.target')}</dt>
                    <dd>{r.target}</dd>
                  </>
                ) : null}
                {r.content ? (
                  <>
                    <dt>{t('resources.content')}</dt>
                    <dd>{r.content}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
      <ResourceForm />
    </div>
  )
}
