// Hash routes of the visit editor (the App router mounts VisitNoteScreen on them).

export function visitHref(caseId: string, visitId: string | 'new'): string {
  return `#/case/${caseId}/visit/${visitId}`
}

export function caseHref(caseId: string): string {
  return `#/case/${caseId}`
}
