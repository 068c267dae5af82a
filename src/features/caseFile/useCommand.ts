// Runs a store command for a form: Korean ValidationError issues go under the fields that claim them,
// anything else (TransitionError, unclaimed issues, unexpected failures) becomes the form's message.
import { useCallback, useState } from 'react'
import { TransitionError, ValidationError } from '../../store'
import { CaseDeletionError } from '../../sync/caseDeletion'
import type { ValidationIssue } from '../../store'

export interface CommandState {
  /** Runs the command; resolves true when it succeeded. */
  run: (command: () => Promise<unknown>) => Promise<boolean>
  /** The Korean message for a field, matched on the issue path's last segments (`reason`, `memberIds`). */
  errorFor: (field: string) => string | undefined
  formError: string | undefined
  busy: boolean
  clear: () => void
}

// Store commands read the case, then write whole records; two started in the same tick can read the
// same state and the later write reverts the earlier one. Running them one after another avoids that.
let queue: Promise<unknown> = Promise.resolve()
function serial<T>(command: () => Promise<T>): Promise<T> {
  const next = queue.then(command, command)
  queue = next.catch(() => undefined)
  return next
}

function claims(fields: readonly string[], issue: ValidationIssue): string | undefined {
  return fields.find((f) => issue.path === f || issue.path.endsWith(`.${f}`) || issue.path.startsWith(`${f}.`))
}

export function useCommand(fields: readonly string[] = [], fallbackMessage = '저장하지 못했습니다. 다시 시도해 주세요.'): CommandState {
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<string, string>>>({})
  const [formError, setFormError] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)

  const run = useCallback(
    async (command: () => Promise<unknown>) => {
      setBusy(true)
      try {
        await serial(command)
        setFieldErrors({})
        setFormError(undefined)
        return true
      } catch (err) {
        if (err instanceof ValidationError) {
          const byField: Record<string, string> = {}
          const rest: string[] = []
          for (const issue of err.issues) {
            const field = claims(fields, issue)
            if (field !== undefined) byField[field] ??= issue.message
            else rest.push(issue.message)
          }
          setFieldErrors(byField)
          setFormError(rest.length > 0 ? rest.join(' ') : undefined)
        } else if (err instanceof TransitionError || err instanceof CaseDeletionError) {
          setFieldErrors({})
          setFormError(err.message)
        } else {
          setFieldErrors({})
          setFormError(fallbackMessage)
        }
        return false
      } finally {
        setBusy(false)
      }
    },
    [fields, fallbackMessage],
  )

  const errorFor = useCallback((field: string) => fieldErrors[field], [fieldErrors])
  const clear = useCallback(() => {
    setFieldErrors({})
    setFormError(undefined)
  }, [])
  return { run, errorFor, formError, busy, clear }
}
