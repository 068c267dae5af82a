// The only code that knows the case file Y.Doc layout (docs/CONTRACTS.md): entities live in Y.Maps
// keyed by id so concurrent additions merge; free text is Y.Text so concurrent edits interleave.
import * as Y from 'yjs'
import {
  CRISIS_SIGNS,
  ConferenceSchema,
  ConsentSchema,
  FollowUpSchema,
  HistoryEventSchema,
  LinkageSchema,
  MemberSchema,
  MonitoringNoteSchema,
  PlannedServiceSchema,
  ReferralSchema,
  VisitNoteSchema,
  compareKo,
  migrateCaseFile,
} from '../domain'
import type { CaseFile, Consent, CrisisSign, HistoryEvent } from '../domain'

export const CASE_DOC_PREFIX = 'case/'
export const caseDocName = (caseId: string): string => CASE_DOC_PREFIX + caseId
export const caseIdOf = (docName: string): string => docName.slice(CASE_DOC_PREFIX.length)
export const isCaseDoc = (docName: string): boolean => docName.startsWith(CASE_DOC_PREFIX)

/**
 * A new Y.Doc for the document `name`. Its guid is the name: left out, Yjs draws a random UUID with
 * about 30 crypto calls, which is most of the cost of opening many small documents (first sync).
 */
export const emptyDoc = (name: string): Y.Doc => new Y.Doc({ guid: name })

/** Entity collections: Y.Map<id, Y.Map> at the root. */
export const COLLECTIONS = ['members', 'conferences', 'linkages', 'monitoring', 'visits', 'followUps'] as const
export type Collection = (typeof COLLECTIONS)[number]
/** Consents and referral / share records: entity maps too, kept apart from the records that can be edited and deleted. */
export type AccessCollection = 'consents' | 'referrals'

/** Fields held as Y.Text, per place in the layout. */
export const TEXT_FIELDS = {
  intake: ['presentingProblem'],
  need: ['note'],
  plan: ['longTermGoals', 'shortTermGoals'],
  closure: ['note'],
  members: [],
  conferences: ['notes'],
  linkages: ['note'],
  monitoring: ['text'],
  visits: ['welfareCheck', 'health', 'housing', 'observations', 'nextSteps'],
  followUps: ['note'],
  plannedServices: [],
  consents: [],
  referrals: [],
} as const satisfies Record<string, readonly string[]>

export class CaseFileReadError extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'CaseFileReadError'
  }
}

type YMap = Y.Map<unknown>

export function rootMap(doc: Y.Doc, key: string): YMap {
  return doc.getMap<unknown>(key)
}

export function historyArray(doc: Y.Doc): Y.Array<HistoryEvent> {
  return doc.getArray<HistoryEvent>('history')
}

/** True once the doc holds a case file (meta.id written). */
export function hasCaseFile(doc: Y.Doc): boolean {
  return typeof rootMap(doc, 'meta').get('id') === 'string'
}

// ---------- writing ----------

/**
 * Replaces `text`'s content by `value` with one delete and one insert around the common prefix and
 * suffix, so a concurrent edit elsewhere in the text survives.
 */
export function applyTextDiff(text: Y.Text, value: string): void {
  const current = text.toString()
  if (current === value) return
  let start = 0
  const max = Math.min(current.length, value.length)
  while (start < max && current.charCodeAt(start) === value.charCodeAt(start)) start++
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--
  let end = 0
  while (
    end < max - start &&
    current.charCodeAt(current.length - 1 - end) === value.charCodeAt(value.length - 1 - end)
  ) {
    end++
  }
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--
  const deleteCount = current.length - start - end
  const insert = value.slice(start, value.length - end)
  if (deleteCount > 0) text.delete(start, deleteCount)
  if (insert) text.insert(start, insert)
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff

/** The Y.Text at `key` of `map`, created when missing (or when a plain string sits there). */
export function textAt(map: YMap, key: string): Y.Text {
  const existing = map.get(key)
  if (existing instanceof Y.Text) return existing
  const text = new Y.Text(typeof existing === 'string' ? existing : '')
  map.set(key, text)
  return text
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Writes a plain record into a Y.Map, touching only what changed: text keys are diffed into
 * Y.Text, other values set when different, keys absent from `record` deleted (unless `keep`).
 */
export function writeRecord(
  map: YMap,
  record: Record<string, unknown>,
  textKeys: readonly string[],
  keep: readonly string[] = [],
): void {
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) {
      if (map.has(key)) map.delete(key)
    } else if (textKeys.includes(key)) {
      applyTextDiff(textAt(map, key), String(value))
    } else if (!sameValue(map.get(key), value)) {
      map.set(key, value)
    }
  }
  for (const key of [...map.keys()]) {
    if (!(key in record) && !keep.includes(key)) map.delete(key)
  }
}

/** The Y.Map of entity `id` in a collection (or any map of maps), created when missing. */
export function childMap(parent: YMap, id: string): YMap {
  const existing = parent.get(id)
  if (existing instanceof Y.Map) return existing as YMap
  const child = new Y.Map<unknown>()
  parent.set(id, child)
  return child
}

export function writeEntity(doc: Y.Doc, collection: Collection | AccessCollection, entity: { id: string }): void {
  const map = childMap(rootMap(doc, collection), entity.id)
  writeRecord(map, entity as Record<string, unknown>, TEXT_FIELDS[collection])
}

export function writeIntake(doc: Y.Doc, intake: CaseFile['intake']): void {
  writeRecord(rootMap(doc, 'intake'), intake, TEXT_FIELDS.intake)
}

export function writeAssessment(doc: Y.Doc, assessment: CaseFile['assessment']): void {
  const root = rootMap(doc, 'assessment')
  if (assessment.date === undefined) root.delete('date')
  else if (root.get('date') !== assessment.date) root.set('date', assessment.date)
  const needs = childMap(root, 'needs')
  for (const [domain, need] of Object.entries(assessment.needs)) {
    if (need) writeRecord(childMap(needs, domain), need, TEXT_FIELDS.need)
  }
  for (const domain of [...needs.keys()]) if (!(domain in assessment.needs)) needs.delete(domain)
  writeCrisisSigns(childMap(root, 'crisisSigns'), assessment.crisisSigns)
}

function writeCrisisSigns(map: YMap, signs: readonly CrisisSign[]): void {
  for (const s of signs) if (map.get(s) !== true) map.set(s, true)
  for (const key of [...map.keys()]) if (!signs.includes(key as CrisisSign)) map.delete(key)
}

export function writePlan(doc: Y.Doc, plan: NonNullable<CaseFile['plan']>): void {
  const root = rootMap(doc, 'plan')
  writeRecord(root, { longTermGoals: plan.longTermGoals, shortTermGoals: plan.shortTermGoals }, TEXT_FIELDS.plan, ['services'])
  const services = childMap(root, 'services')
  for (const s of plan.services) writeRecord(childMap(services, s.id), s, TEXT_FIELDS.plannedServices)
  const ids = new Set(plan.services.map((s) => s.id))
  for (const id of [...services.keys()]) if (!ids.has(id)) services.delete(id)
}

/** Writes an optional single record (selection, closure); undefined clears it. */
export function writeOptional(doc: Y.Doc, key: 'selection' | 'closure', record: object | undefined): void {
  const map = rootMap(doc, key)
  if (record === undefined) {
    for (const k of [...map.keys()]) map.delete(k)
    return
  }
  writeRecord(map, record as Record<string, unknown>, key === 'closure' ? TEXT_FIELDS.closure : [])
}

export function writeMeta(doc: Y.Doc, meta: CaseFile['meta']): void {
  writeRecord(rootMap(doc, 'meta'), meta, [])
}

export function appendHistory(doc: Y.Doc, event: HistoryEvent): void {
  historyArray(doc).push([event])
}

/** Writes a whole new case file into an empty doc (createCase, demo data). */
export function writeNewCase(doc: Y.Doc, cf: CaseFile): void {
  doc.transact(() => {
    writeMeta(doc, cf.meta)
    writeRecord(rootMap(doc, 'household'), cf.household, [])
    for (const m of cf.members) writeEntity(doc, 'members', m)
    writeIntake(doc, cf.intake)
    writeAssessment(doc, cf.assessment)
    writeOptional(doc, 'selection', cf.selection)
    for (const c of cf.conferences) writeEntity(doc, 'conferences', c)
    if (cf.plan) writePlan(doc, cf.plan)
    for (const l of cf.linkages) writeEntity(doc, 'linkages', l)
    for (const n of cf.monitoring) writeEntity(doc, 'monitoring', n)
    for (const v of cf.visits) writeEntity(doc, 'visits', v)
    writeOptional(doc, 'closure', cf.closure)
    for (const f of cf.followUps) writeEntity(doc, 'followUps', f)
    for (const c of cf.consents) writeEntity(doc, 'consents', c)
    for (const r of cf.referrals) writeEntity(doc, 'referrals', r)
    if (cf.history.length) historyArray(doc).push(cf.history)
  })
}

// ---------- reading ----------

type Plain = Record<string, unknown>

function plainOf(map: YMap): Plain {
  return map.toJSON() as Plain
}

/** Entities of a collection that pass their own schema; a broken one is skipped, not fatal. */
function entitiesOf(doc: Y.Doc, key: string, schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }): Plain[] {
  const out: Plain[] = []
  for (const value of rootMap(doc, key).values()) {
    if (!(value instanceof Y.Map)) continue
    const parsed = schema.safeParse(plainOf(value as YMap))
    // The parsed entity (as the whole-file parse gives it), so readCaseFile need not check it again.
    if (parsed.success) out.push(parsed.data as Plain)
    else console.warn(`case file: skipped an invalid ${key} entry`)
  }
  return out
}

const byKey =
  (key: string) =>
  (a: Plain, b: Plain): number =>
    String(a[key] ?? '').localeCompare(String(b[key] ?? '')) || String(a.id).localeCompare(String(b.id))

function readMembers(doc: Y.Doc): Plain[] {
  const members = entitiesOf(doc, 'members', MemberSchema).sort(
    (a, b) =>
      Number(b.isHead) - Number(a.isHead) ||
      String(a.birthDate ?? '9999').localeCompare(String(b.birthDate ?? '9999')) ||
      compareKo(String(a.name), String(b.name)) ||
      String(a.id).localeCompare(String(b.id)),
  )
  // Two devices may each mark a head concurrently: the first in order stays head.
  return members.map((m, i) => (i > 0 && m.isHead ? { ...m, isHead: false } : m))
}

function readAssessment(doc: Y.Doc): Plain {
  const root = rootMap(doc, 'assessment')
  const needsMap = root.get('needs')
  const signsMap = root.get('crisisSigns')
  const signs = signsMap instanceof Y.Map ? CRISIS_SIGNS.filter((s) => signsMap.get(s) === true) : []
  const out: Plain = { needs: needsMap instanceof Y.Map ? needsMap.toJSON() : {}, crisisSigns: signs }
  const date = root.get('date')
  if (typeof date === 'string') out.date = date
  return out
}

function readPlan(doc: Y.Doc): Plain | undefined {
  const root = rootMap(doc, 'plan')
  if (root.size === 0) return undefined
  const servicesMap = root.get('services')
  const services: Plain[] = []
  if (servicesMap instanceof Y.Map) {
    for (const s of servicesMap.values()) {
      if (!(s instanceof Y.Map)) continue
      const plain = plainOf(s as YMap)
      if (PlannedServiceSchema.safeParse(plain).success) services.push(plain)
    }
  }
  return {
    longTermGoals: String(root.get('longTermGoals') ?? ''),
    shortTermGoals: String(root.get('shortTermGoals') ?? ''),
    services: services.sort(byKey('startDate')),
  }
}

function optionalRecord(doc: Y.Doc, key: string): Plain | undefined {
  const map = rootMap(doc, key)
  return map.size === 0 ? undefined : plainOf(map)
}

/** The plain shape of the doc before validation (also used by tests and repair). */
export function rawCaseFile(doc: Y.Doc): Plain {
  const members = readMembers(doc)
  const memberIds = new Set(members.map((m) => m.id))
  // A member removed on one device while linked on another: drop the dangling reference.
  const linkages = entitiesOf(doc, 'linkages', LinkageSchema)
    .map((l) => ({ ...l, memberIds: (l.memberIds as string[]).filter((id) => memberIds.has(id)) }))
    .filter((l) => l.memberIds.length > 0)
  const raw: Plain = {
    meta: plainOf(rootMap(doc, 'meta')),
    household: plainOf(rootMap(doc, 'household')),
    members,
    intake: plainOf(rootMap(doc, 'intake')),
    assessment: readAssessment(doc),
    conferences: entitiesOf(doc, 'conferences', ConferenceSchema).sort(byKey('date')),
    linkages: linkages.sort(byKey('startDate')),
    monitoring: entitiesOf(doc, 'monitoring', MonitoringNoteSchema).sort(byKey('date')),
    visits: entitiesOf(doc, 'visits', VisitNoteSchema).sort(byKey('visitedAt')),
    followUps: entitiesOf(doc, 'followUps', FollowUpSchema).sort(byKey('date')),
    consents: readConsents(doc),
    referrals: entitiesOf(doc, 'referrals', ReferralSchema).sort(byKey('at')),
    history: historyArray(doc)
      .toArray()
      .flatMap((h) => {
        const parsed = HistoryEventSchema.safeParse(h)
        return parsed.success ? [parsed.data] : []
      }),
  }
  const selection = optionalRecord(doc, 'selection')
  if (selection) raw.selection = selection
  const plan = readPlan(doc)
  if (plan) raw.plan = plan
  const closure = optionalRecord(doc, 'closure')
  if (closure) raw.closure = closure
  return raw
}

/** The consents recorded in a case doc, each checked on its own (the relay reads only these before a referral). */
export function readConsents(doc: Y.Doc): Consent[] {
  return entitiesOf(doc, 'consents', ConsentSchema).sort(byKey('date')) as Consent[]
}

/** The validated case file held by `doc` (migrated from an older schemaVersion when needed). */
export function readCaseFile(doc: Y.Doc): CaseFile {
  if (!hasCaseFile(doc)) throw new CaseFileReadError('사례 파일이 비어 있습니다.')
  // rawCaseFile checked every entity on its own (a broken one is skipped, not fatal).
  const result = migrateCaseFile(rawCaseFile(doc), { entitiesChecked: true })
  if (!result.ok) throw new CaseFileReadError(result.reason)
  return result.caseFile
}
