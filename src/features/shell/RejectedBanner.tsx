// Changes the relay refused. Those refused for what they hold were undone on the device (it holds what
// the relay has): their text, with the relay's reason, to copy before dismissing. Other refusals (no
// right to write) stay on the device: the documents are listed.
import { useRef, useState } from 'react'
import { dismissRefusedEdit, useRefusedEdits, useRejectedDocs } from '../../store'
import type { RefusedEdit } from '../../store'
import { useT } from '../../i18n'
import { formatDateTime } from '../../domain'
import { Button } from '../common'

export function RejectedBanner() {
  const t = useT()
  const rejected = useRejectedDocs()
  const refused = useRefusedEdits()
  if (rejected.length === 0 && refused.length === 0) return null
  return (
    <div className="banner banner--danger" role="alert" data-testid="rejected-banner">
      {refused.length > 0 ? (
        <>
          <span>{t('shell.refusedBanner', { n: refused.length })}</span>
          <ul className="banner__list">
            {refused.map((e) => (
              <RefusedItem key={e.id} edit={e} />
            ))}
          </ul>
        </>
      ) : null}
      {rejected.length > 0 ? (
        <>
          <span>{t('shell.rejectedBanner', { n: rejected.length })}</span>
          <ul className="banner__list">
            {rejected.map((d) => (
              <li key={d.name}>
                {d.caseId ? <a href={`#/case/${d.caseId}`}>{t('shell.openCase')}</a> : d.kind}
                {d.message ? ` — ${d.message}` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}

type CopyState = 'idle' | 'copied' | 'failed'

function RefusedItem({ edit }: { edit: RefusedEdit }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const [copy, setCopy] = useState<CopyState>('idle')
  const area = useRef<HTMLTextAreaElement>(null)
  const name = edit.headName || t('shell.refusedNoName')

  const copyText = async () => {
    try {
      await navigator.clipboard.writeText(edit.text)
      setCopy('copied')
    } catch {
      // No clipboard (permission, older browser): select the text so a long press copies it.
      area.current?.focus()
      area.current?.select()
      setCopy('failed')
    }
  }

  return (
    <li data-testid="refused-edit">
      <strong>{name}</strong> · {formatDateTime(edit.refusedAt)}{' '}
      {edit.caseId ? <a href={`#/case/${edit.caseId}`}>{t('shell.openCase')}</a> : null}
      <p>{t('shell.refusedReason', { reason: edit.reason })}</p>
      <Button onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? t('shell.refusedHide') : t('shell.refusedShow')}
      </Button>
      {open ? (
        <div className="lost-access__body">
          {edit.text ? (
            <>
              <textarea ref={area} className="ui-input lost-access__text" readOnly value={edit.text} aria-label={t('shell.refusedText', { name })} rows={6} />
              <Button variant="primary" onClick={() => void copyText()}>
                {copy === 'copied' ? t('shell.refusedCopied') : t('shell.refusedCopy')}
              </Button>
              {copy === 'failed' ? <p role="status">{t('shell.refusedCopyFailed')}</p> : null}
            </>
          ) : (
            <p>{t('shell.refusedNoText')}</p>
          )}
          <Button variant="danger" onClick={() => void dismissRefusedEdit(edit.id)}>
            {t('shell.refusedDismiss')}
          </Button>
        </div>
      ) : null}
    </li>
  )
}
