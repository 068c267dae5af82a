// One-of-many picker as large radio "chips" inside a fieldset (enums such as 방문 형태, 접촉 결과).
import { useId } from 'react'
import type { ReactNode } from 'react'
import './common.css'

export interface Choice<V extends string | number> {
  value: V
  label: ReactNode
}

export interface ChoiceGroupProps<V extends string | number> {
  legend: ReactNode
  choices: readonly Choice<V>[]
  value: V | undefined
  onChange: (value: V) => void
  error?: string
  disabled?: boolean
}

export function ChoiceGroup<V extends string | number>({ legend, choices, value, onChange, error, disabled }: ChoiceGroupProps<V>) {
  const name = useId()
  const errorId = `${name}-error`
  return (
    <fieldset className="ui-fieldset" aria-invalid={Boolean(error)} aria-describedby={error ? errorId : undefined} disabled={disabled}>
      <legend>{legend}</legend>
      <div className="ui-row">
        {choices.map((c) => (
          <label key={String(c.value)} className={c.value === value ? 'ui-toggle ui-toggle--on' : 'ui-toggle'}>
            <input type="radio" name={name} checked={c.value === value} onChange={() => onChange(c.value)} />
            {c.label}
          </label>
        ))}
      </div>
      {error ? (
        <span className="ui-field__error" id={errorId} role="alert">
          {error}
        </span>
      ) : null}
    </fieldset>
  )
}
