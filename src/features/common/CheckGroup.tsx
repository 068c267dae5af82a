// Many-of-many picker as large checkbox chips (위기 징후, 가구원 선택).
import { useId } from 'react'
import type { ReactNode } from 'react'
import './common.css'

export interface CheckGroupProps<V extends string> {
  legend: ReactNode
  options: readonly { value: V; label: ReactNode }[]
  selected: readonly V[]
  onChange: (selected: V[]) => void
  error?: string
  disabled?: boolean
}

export function CheckGroup<V extends string>({ legend, options, selected, onChange, error, disabled }: CheckGroupProps<V>) {
  const id = useId()
  const errorId = `${id}-error`
  const toggle = (value: V, on: boolean) => {
    const next = options.map((o) => o.value).filter((v) => (v === value ? on : selected.includes(v)))
    onChange(next)
  }
  return (
    <fieldset className="ui-fieldset" aria-invalid={Boolean(error)} aria-describedby={error ? errorId : undefined} disabled={disabled}>
      <legend>{legend}</legend>
      <div className="ui-row">
        {options.map((o) => {
          const on = selected.includes(o.value)
          return (
            <label key={o.value} className={on ? 'ui-toggle ui-toggle--on' : 'ui-toggle'}>
              <input type="checkbox" checked={on} onChange={(e) => toggle(o.value, e.currentTarget.checked)} />
              {o.label}
            </label>
          )
        })}
      </div>
      {error ? (
        <span className="ui-field__error" id={errorId} role="alert">
          {error}
        </span>
      ) : null}
    </fieldset>
  )
}
