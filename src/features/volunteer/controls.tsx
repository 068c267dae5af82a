// Big, plain controls for older volunteers: every choice is a native radio or checkbox inside a
// ≥ 56 px label, so a tap anywhere on it works and screen readers announce it as such.
import { useId } from 'react'
import type { ReactNode } from 'react'

export function BigChoices<V extends string>({
  legend,
  options,
  value,
  onChange,
  error,
  columns = 2,
  testId,
}: {
  legend: ReactNode
  options: readonly { value: V; label: ReactNode }[]
  value: V | undefined
  onChange: (value: V) => void
  error?: string
  columns?: 1 | 2
  testId?: string
}) {
  const name = useId()
  const errorId = `${name}-error`
  return (
    <fieldset className="vol-fieldset" aria-invalid={Boolean(error)} aria-describedby={error ? errorId : undefined} data-testid={testId}>
      <legend className="vol-legend">{legend}</legend>
      <div className={columns === 2 ? 'vol-choices vol-choices--two' : 'vol-choices'}>
        {options.map((o) => (
          <label key={o.value} className={o.value === value ? 'vol-choice vol-choice--on' : 'vol-choice'}>
            <input type="radio" name={name} checked={o.value === value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="vol-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}

export function BigChecks<V extends string>({
  legend,
  options,
  selected,
  onChange,
  error,
  testId,
}: {
  legend: ReactNode
  options: readonly { value: V; label: ReactNode }[]
  selected: readonly V[]
  onChange: (selected: V[]) => void
  error?: string
  testId?: string
}) {
  const id = useId()
  const errorId = `${id}-error`
  const toggle = (value: V, on: boolean) => onChange(options.map((o) => o.value).filter((v) => (v === value ? on : selected.includes(v))))
  return (
    <fieldset className="vol-fieldset" aria-invalid={Boolean(error)} aria-describedby={error ? errorId : undefined} data-testid={testId}>
      <legend className="vol-legend">{legend}</legend>
      <div className="vol-choices">
        {options.map((o) => {
          const on = selected.includes(o.value)
          return (
            <label key={o.value} className={on ? 'vol-choice vol-choice--check vol-choice--on' : 'vol-choice vol-choice--check'}>
              <input type="checkbox" checked={on} onChange={(e) => toggle(o.value, e.currentTarget.checked)} />
              <span>{o.label}</span>
            </label>
          )
        })}
      </div>
      {error ? (
        <p className="vol-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}

/** An on/off switch as a large checkbox with its label and an explanation under it. */
export function BigToggle({ label, hint, checked, onChange }: { label: ReactNode; hint?: ReactNode; checked: boolean; onChange: (on: boolean) => void }) {
  const id = useId()
  return (
    <div className="vol-toggle-wrap">
      <label className={checked ? 'vol-choice vol-choice--check vol-choice--on vol-toggle' : 'vol-choice vol-choice--check vol-toggle'}>
        <input type="checkbox" checked={checked} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.currentTarget.checked)} />
        <span>{label}</span>
      </label>
      {hint ? (
        <p className="vol-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  )
}

/** A labelled text field (the input itself is passed in, IME-safe) with its message right under it. */
export function VolField({ label, error, hint, children }: { label: ReactNode; error?: string; hint?: ReactNode; children: (c: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className="vol-field">
      <label className="vol-legend" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="vol-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {error ? (
        <p className="vol-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
