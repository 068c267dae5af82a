// What allows a case file to go to another team (issue 9): a consent on record in the case file as the
// relay holds it, in effect today (Asia/Seoul) and naming the team (개인정보 보호법 제17조·제18조), or the
// legal basis the request states (사회보장급여법 제15조 조사·의뢰). A document that holds no case file has
// nothing of a person to provide and passes. A Y.Doc is built here from the stored encoded state only, to
// read the consents with the domain's reader (sync-server/README.md, "What it must never do").
import * as Y from 'yjs'
import { checkProvision, todayInSeoul } from '../src/domain'
import type { LegalBasis } from '../src/domain'
import { CASE_DOC_PREFIX, hasCaseFile, readConsents } from '../src/store/caseDoc'
import type { TeamRecord } from './storage/types'

/** `basis`: what is recorded with the access change: `consent:<id>`, the legal basis, or '' (not a case file). */
export type ProvisionVerdict = { ok: true; basis: string } | { ok: false; error: string }

export function provisionBasis(
  name: string, state: Uint8Array | null, team: TeamRecord, legalBasis: LegalBasis | undefined, today = todayInSeoul(),
): ProvisionVerdict {
  if (legalBasis) return { ok: true, basis: legalBasis }
  if (!state || !name.startsWith(CASE_DOC_PREFIX)) return { ok: true, basis: '' }
  const doc = new Y.Doc({ guid: name })
  try {
    Y.applyUpdate(doc, state)
    if (!hasCaseFile(doc)) return { ok: true, basis: '' }
    const check = checkProvision({ consents: readConsents(doc) }, [team.id, team.name], 'consent', today)
    return check.ok ? { ok: true, basis: `consent:${check.consent?.id ?? ''}` } : { ok: false, error: check.reason }
  } finally {
    doc.destroy()
  }
}
