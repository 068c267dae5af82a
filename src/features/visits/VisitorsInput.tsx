// 방문자: names as removable chips; a name is added with Enter or the button (IME-safe: local draft).
import { useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useT } from '../../i18n'
import { Button } from '../common'

export interface VisitorsInputProps {
  visitors: readonly string[]
  onChange: (visitors: string[]) => void
  error?: string
}

export function VisitorsInput({ visitors, onChange, error }: VisitorsInputProps) {
  const t = useT()
  const [draft, setDraft] = useState('')
  const add = () => {
    const name = draft.trim()
    if (!name) return
    if (!visitors.includes(name)) onChange([...visitors, name])
    setDraft('')
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter that ends a Hangul composition must not add a half-finished name.
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault()
      add()
    }
  }
  return (
    <fieldset className="ui-fieldset" aria-invalid={Boolean(error)}>
      <legend>{t('visit.field.visitors')}</legend>
      <div className="ui-row">
        {visitors.map((v) => (
          <Button key={v} onClick={() => onChange(visitors.filter((x) => x !== v))} aria-label={t('visit.removeVisitor', { name: v })}>
            {v} ✕
          </Button>
        ))}
        <input
          className="ui-input"
          style={{ width: 'auto', flex: '1 1 160px' }}
          aria-label={t('visit.visitorName')}
          placeholder={t('visit.visitorName')}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <Button onClick={add} disabled={!draft.trim()}>
          {t('visit.addVisitor')}
        </Button>
      </div>
      {error ? (
        <span className="ui-field__error" role="alert">
          {error}
        </span>
      ) : null}
    </fieldset>
  )
}
