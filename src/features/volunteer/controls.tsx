// Big, plain controls for older volunteers: every choice is a native radio or checkbox inside a
// ≥ 56 px label, so a tap anywhere on it works and screen readers announce it as such.
import { useId } from 'react'
import type { ReactNode } from 'react'
import { useT } from '../../i18n'
import { FormError } from '../common'

/** A field's message, right under it, read out when it appears. */
export function VolError({ id, message }: { id?: string; message?: string }) {
  if (!message) return null
  return (
    <p className="vol-error" id={id} role="alert">
      {message}
    </p>
  )
}

/** The frame of a group of big choices: legend on top, message under, tied to the group. */
function ChoiceFieldset({ legend, error, testId, children }: { legend: ReactNode; error?: string; testId?: string; children: ReactNode }) {
  const errorId = `${useId()}-error`
  return (
    <fieldset className="vol-fieldset" aria-invalid={Boolean(error)} aria-describedby={error ? errorId : undefined} data-testid={testId}>
      <legend className="vol-legend">{legend}</legend>
      {children}
      <VolError id={errorId} message={error} />
    </fieldset>
  )
}

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
  return (
    <ChoiceFieldset legend={legend} error={error} testId={testId}>
      <div className={columns === 2 ? 'vol-choices vol-choices--two' : 'vol-choices'}>
        {options.map((o) => (
          <label key={o.value} className={o.value === value ? 'vol-choice vol-choice--on' : 'vol-choice'}>
            <input type="radio" name={name} checked={o.value === value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </ChoiceFieldset>
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
  const toggle = (value: V, on: boolean) => onChange(options.map((o) => o.value).filter((v) => (v === value ? on : selected.includes(v))))
  return (
    <ChoiceFieldset legend={legend} error={error} testId={testId}>
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
    </ChoiceFieldset>
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
      <VolError id={errorId} message={error} />
    </div>
  )
}

/** The end of a report form: the form's own error, that the draft is kept, send and cancel. */
export function SendFooter({ formError, busy, saving, saveLabel, cancelHref }: {
  formError?: string
  busy: boolean
  saving: boolean
  saveLabel: string
  cancelHref: string
}) {
  const t = useT()
  return (
    <>
      <FormError message={formError} />
      <p className="vol-hint">{t('vol.form.draftKept')}</p>
      <div className="vol-actions">
        <button type="submit" className="vol-big-button vol-big-button--primary" disabled={busy}>
          {saving ? t('vol.form.saving') : saveLabel}
        </button>
        <a className="vol-link-button" href={cancelHref}>
          {t('vol.form.cancel')}
        </a>
      </div>
    </>
  )
}
