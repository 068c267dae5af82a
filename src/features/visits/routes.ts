// Hash routes of the visit editor (the App router mounts VisitNoteScreen on them).

export function visitHref(caseId: string, visitId: string | 'new'): string {
  return `#/case/${caseId}/visit/${visitId}`
}

/** Back from a visit: the case file's 방문·점검 tab, where the visit list is. */
export function caseHref(caseId: string): string {
  return `#/case/${caseId}/visits`
}
