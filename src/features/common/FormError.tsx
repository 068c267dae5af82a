import './common.css'

/** A form-level message (refused stage change, unclaimed validation issue); announced when it appears. */
export function FormError({ message }: { message: string | undefined }) {
  if (!message) return null
  return (
    <p className="ui-form-error" role="alert">
      {message}
    </p>
  )
}
