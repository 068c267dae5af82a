// Content validation of a pushed update (both /sync and /yjs, through core.ts storeUpdates): the update is
// applied to the document's current state and the result is checked before anything is stored. Refused is
// only what no honest client sends: a full 주민등록번호 anywhere, a case file with unknown root structure or
// a value of the wrong type (src/domain/storedShape.ts). Rules that two valid edits can break when merged
// are left to the domain's reader and the next command, so an honest device is never stuck with a refusal.
// Pure: bytes in, verdict out; a Y.Doc is built from encoded updates only (sync-server/README.md).
import * as Y from 'yjs'
import {
  ConferenceSchema, ConsentSchema, FollowUpSchema, HistoryEventSchema, LinkageSchema, MemberSchema, MonitoringNoteSchema,
  PlannedServiceSchema, ReferralSchema, VisitNoteSchema, caseFileShapeProblem, containsRrn, shapeProblem,
} from '../src/domain'
import { CASE_DOC_PREFIX, hasCaseFile, rawCaseFile } from '../src/store/caseDoc'
import { relaySummaryOf } from './caseSummary'
import { BRIEF_DOC_PREFIX, BRIEF_ROOTS, REPORT_DOC_PREFIX, REPORT_ROOTS, readBrief, readHandling, readReport } from '../src/store/volunteerDocs'
import { TEAM_DOC_PREFIX, TEAM_ROOTS, TEAM_SCHEMAS } from '../src/store/teamDoc'

export type ContentProblem = 'rrn' | 'structure' | 'shape'
export type Verdict = { ok: true } | { ok: false; problem: ContentProblem; detail: string }
/** An accepted update also yields the document's list summary after it (null for other kinds of document). */
export type UpdateVerdict = { ok: true; summary: string | null } | { ok: false; problem: ContentProblem; detail: string }

export const CONTENT_MESSAGES: Record<ContentProblem, string> = {
  rrn: '주민등록번호 전체가 들어 있어 저장하지 않았습니다. 생년월일과 성별 숫자만 남기고 다시 입력하세요.',
  structure: '문서(사례 파일·배정·보고·팀 자원)의 구조가 올바르지 않아 저장하지 않았습니다.',
  shape: '형식이 올바르지 않은 내용이 있어 저장하지 않았습니다.',
}

type SharedType = Y.Doc['share'] extends Map<string, infer T> ? T : never

const MAP_ROOTS = new Set([
  'meta', 'household', 'members', 'intake', 'assessment', 'selection', 'conferences', 'plan', 'linkages',
  'monitoring', 'visits', 'closure', 'followUps', 'consents', 'referrals',
])
const ARRAY_ROOTS = new Set(['history'])
const ENTITY_SCHEMAS = {
  members: MemberSchema, conferences: ConferenceSchema, linkages: LinkageSchema, monitoring: MonitoringNoteSchema,
  visits: VisitNoteSchema, followUps: FollowUpSchema, consents: ConsentSchema, referrals: ReferralSchema,
} as const

/**
 * Applies `update` to `before` (the stored merged state, null for a new document) and checks the result.
 * A problem the stored state already had is not blamed on this update (data stored before validation).
 */
export function validateUpdate(name: string, before: Uint8Array | null, update: Uint8Array): UpdateVerdict {
  const after = docOf(name, before, update)
  try {
    const verdict = checkDoc(name, after)
    if (!verdict.ok && !(before && sameProblemBefore(name, before, verdict.problem))) return verdict
    return { ok: true, summary: relaySummaryOf(name, after) }
  } finally {
    after.destroy()
  }
}

function sameProblemBefore(name: string, before: Uint8Array, problem: ContentProblem): boolean {
  const old = docOf(name, before, null)
  const was = checkDoc(name, old)
  old.destroy()
  return !was.ok && was.problem === problem
}

function docOf(name: string, state: Uint8Array | null, update: Uint8Array | null): Y.Doc {
  const doc = new Y.Doc({ guid: name })
  if (state) Y.applyUpdate(doc, state)
  if (update) Y.applyUpdate(doc, update)
  return doc
}

/** The checks on one document as it would be stored. */
export function checkDoc(name: string, doc: Y.Doc): Verdict {
  for (const type of doc.share.values()) {
    if (containsRrn(textOfType(type))) return { ok: false, problem: 'rrn', detail: '' }
  }
  if (name.startsWith(BRIEF_DOC_PREFIX) || name.startsWith(REPORT_DOC_PREFIX)) return volunteerDocVerdict(name, doc)
  if (name.startsWith(TEAM_DOC_PREFIX)) return teamDocVerdict(doc)
  // A case document is judged as a case file once it holds one (meta.id); other kinds have no schema here.
  if (!name.startsWith(CASE_DOC_PREFIX) || !holdsCaseFile(doc)) return { ok: true }
  for (const [key, type] of doc.share) {
    const asMap = MAP_ROOTS.has(key)
    if (!asMap && !ARRAY_ROOTS.has(key)) return { ok: false, problem: 'structure', detail: key }
    if (asMap ? type._start !== null : type._map.size > 0) return { ok: false, problem: 'structure', detail: key }
  }
  const problem = caseShapeProblem(doc)
  return problem ? { ok: false, problem: 'shape', detail: problem } : { ok: true }
}

/** Briefs and reports: only their own root maps, each exactly its schema (a brief can carry nothing else). */
function volunteerDocVerdict(name: string, doc: Y.Doc): Verdict {
  const roots = name.startsWith(BRIEF_DOC_PREFIX) ? BRIEF_ROOTS : REPORT_ROOTS
  for (const [key, type] of doc.share) {
    if (!roots.has(key) || type._start !== null) return { ok: false, problem: 'structure', detail: key }
  }
  const parts = roots === BRIEF_ROOTS ? [readBrief(doc)] : [readReport(doc), readHandling(doc)]
  for (const part of parts) if (part && !part.ok) return { ok: false, problem: 'shape', detail: part.path }
  return { ok: true }
}

/** The team document (src/store/teamDoc.ts): root maps `resources` and `meetings`, each entry a Y.Map of its schema. */
function teamDocVerdict(doc: Y.Doc): Verdict {
  for (const [key, type] of doc.share) {
    if (!TEAM_ROOTS.has(key) || type._start !== null) return { ok: false, problem: 'structure', detail: key }
  }
  for (const root of ['resources', 'meetings'] as const) {
    for (const [id, value] of doc.getMap<unknown>(root)) {
      if (!(value instanceof Y.Map)) return { ok: false, problem: 'structure', detail: `${root}.${id}` }
    }
    const problem = entriesProblem(root, doc.getMap<unknown>(root), TEAM_SCHEMAS[root])
    if (problem) return { ok: false, problem: 'shape', detail: problem }
  }
  return { ok: true }
}

function holdsCaseFile(doc: Y.Doc): boolean {
  const meta = doc.share.get('meta')
  return meta !== undefined && meta._start === null && hasCaseFile(doc)
}

function caseShapeProblem(doc: Y.Doc): string | null {
  for (const [key, schema] of Object.entries(ENTITY_SCHEMAS)) {
    const problem = entriesProblem(key, doc.getMap<unknown>(key), schema)
    if (problem) return problem
  }
  const services = doc.getMap<unknown>('plan').get('services')
  if (services !== undefined) {
    if (!(services instanceof Y.Map)) return 'plan.services: 목록이 아닙니다.'
    const problem = entriesProblem('plan.services', services as Y.Map<unknown>, PlannedServiceSchema)
    if (problem) return problem
  }
  for (const [i, event] of doc.getArray<unknown>('history').toArray().entries()) {
    const problem = shapeProblem(HistoryEventSchema, event)
    if (problem) return `history.${i}.${problem}`
  }
  // Entities were checked above; rawCaseFile skips any a merge broke, as every device's reader does.
  return caseFileShapeProblem(rawCaseFile(doc), { entitiesChecked: true })
}

function entriesProblem(
  where: string, map: Y.Map<unknown>, schema: Parameters<typeof shapeProblem>[0],
): string | null {
  for (const [id, value] of map) {
    if (!(value instanceof Y.Map)) return `${where}.${id}: 기록이 아닙니다.`
    const problem = shapeProblem(schema, value.toJSON())
    if (problem) return `${where}.${id}.${problem}`
  }
  return null
}

/**
 * Everything a type holds as one string, whatever kind the client made it (an unknown root is still
 * scanned): list content in order (Y.Text chunks join, so a number split over two edits is seen whole),
 * then map keys and values, nested types inline. Separators are not digits, spaces or hyphens.
 */
export function textOfType(type: SharedType): string {
  const parts: string[] = []
  for (let item = type._start; item !== null; item = item.right) {
    if (!item.deleted) parts.push(textOfContent(item.content))
  }
  for (const [key, item] of type._map) {
    parts.push('\u0000', key, '\u0000')
    if (!item.deleted) parts.push(textOfContent(item.content))
  }
  return parts.join('')
}

function textOfContent(content: Y.Item['content']): string {
  if (content instanceof Y.ContentString) return content.str
  if (content instanceof Y.ContentType) return `\u0000${textOfType(content.type)}\u0000`
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) return `\u0000${JSON.stringify(content.arr)}\u0000`
  if (content instanceof Y.ContentEmbed) return `\u0000${JSON.stringify(content.embed)}\u0000`
  if (content instanceof Y.ContentFormat) return `\u0000${content.key}${JSON.stringify(content.value)}\u0000`
  return ''
}
