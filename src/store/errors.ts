// Errors a command throws; messages are Korean and safe to show (never hold personal data).

export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `members.0.phone`; '' for the whole input. */
  path: string
  message: string
}

export class ValidationError extends Error {
  readonly issues: ValidationIssue[]
  constructor(issues: ValidationIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n') || '입력이 올바르지 않습니다.')
    this.name = 'ValidationError'
    this.issues = issues
  }
}

export class TransitionError extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'TransitionError'
  }
}

export class CaseNotFoundError extends Error {
  constructor() {
    super('사례 파일을 찾을 수 없습니다.')
    this.name = 'CaseNotFoundError'
  }
}
