// Changes the relay refused stay on the device; say so, and link to the case files concerned.
import { useRejectedDocs } from '../../store'
import { useT } from '../../i18n'

export function RejectedBanner() {
  const t = useT()
  const rejected = useRejectedDocs()
  if (rejected.length === 0) return null
  return (
    <div className="banner banner--danger" role="alert" data-testid="rejected-banner">
      <span>{t('shell.rejectedBanner', { n: rejected.length })}</span>
      <ul className="banner__list">
        {rejected.map((d) => (
          <li key={d.name}>
            {d.caseId ? <a href={`#/case/${d.caseId}`}>{t('shell.openCase')}</a> : d.kind}
            {d.message ? ` — ${d.message}` : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
