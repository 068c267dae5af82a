// Parses input with a domain schema; a refusal becomes a ValidationError with Korean messages.
import type * as z from 'zod/mini'
import { ko } from 'zod/v4/locales'
import { ValidationError } from './errors'

const korean = ko().localeError

export function validate<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  // Schema-level Korean messages win; the ko locale fills in zod's generic ones.
  const result = schema.safeParse(value, { error: korean })
  if (result.success) return result.data
  throw new ValidationError(
    result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  )
}
