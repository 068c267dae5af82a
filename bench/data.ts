// Synthetic case files as real Y.Docs in the layout of docs/CONTRACTS.md, deterministic by seed.
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import { CLOSERS, DISTRICTS, GIVEN, GOALS, MIDDLES, OPENERS, RELATIONS, SERVICES, SURNAMES } from './phrases'

export interface DocState {
  name: string
  /** Y.encodeStateAsUpdate of the whole document. */
  update: Uint8Array
}

type Rng = prng.PRNG

const hex = (rng: Rng, n: number): string => {
  let s = ''
  for (let i = 0; i < n; i++) s += prng.int32(rng, 0, 15).toString(16)
  return s
}

export function uuid(rng: Rng): string {
  const variant = '89ab'[prng.int32(rng, 0, 3)] ?? '8'
  return `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${variant}${hex(rng, 3)}-${hex(rng, 12)}`
}

const pad = (n: number): string => String(n).padStart(2, '0')
const date = (rng: Rng, year = 2026): string => `${year}-${pad(prng.int32(rng, 1, 11))}-${pad(prng.int32(rng, 1, 28))}`
const personName = (rng: Rng): string => prng.oneOf(rng, SURNAMES) + prng.oneOf(rng, GIVEN)
const phone = (rng: Rng): string => `010${prng.int32(rng, 1000, 9999)}${prng.int32(rng, 1000, 9999)}`

/** One or more sentences: opener + middle + closer, with a number now and then. */
export function sentences(rng: Rng, min: number, max: number): string {
  const parts: string[] = []
  const n = prng.int32(rng, min, max)
  for (let i = 0; i < n; i++) {
    const extra = prng.bool(rng) ? ` (${prng.int32(rng, 2, 30)}일 전부터)` : ''
    parts.push(`${prng.oneOf(rng, OPENERS)} ${prng.oneOf(rng, MIDDLES)}${extra} ${prng.oneOf(rng, CLOSERS)}`)
  }
  return parts.join(' ')
}

function text(value: string): Y.Text {
  const t = new Y.Text()
  t.insert(0, value)
  return t
}

function entity(fields: Record<string, unknown>): Y.Map<unknown> {
  const m = new Y.Map<unknown>()
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) m.set(k, v)
  return m
}

/** A visit note as the store writes it: every text field is a Y.Text, most of them short or empty. */
function visit(rng: Rng, id: string): Y.Map<unknown> {
  const maybe = (p: number, value: () => string): string => (rng.next() < p ? value() : '')
  return entity({
    id,
    visitedAt: `${date(rng)}T0${prng.int32(rng, 0, 8)}:${pad(prng.int32(rng, 0, 59))}:00.000Z`,
    visitors: [personName(rng)],
    kind: prng.oneOf(rng, ['solo', 'jointHealthCenter', 'jointOther']),
    contact: prng.oneOf(rng, ['met', 'met', 'met', 'reached', 'noAnswer']),
    welfareCheck: text(maybe(0.3, () => '안부 확인함.')),
    health: text(maybe(0.15, () => prng.oneOf(rng, MIDDLES))),
    housing: text(''),
    crisisSigns: prng.bool(rng) ? [] : [prng.oneOf(rng, ['billArrears', 'isolation', 'mailPiling', 'utilityCutoff'])],
    observations: text(prng.oneOf(rng, MIDDLES)),
    nextSteps: text(maybe(0.3, () => prng.oneOf(rng, CLOSERS))),
    nextVisitDate: rng.next() < 0.3 ? date(rng) : undefined,
  })
}

/** Builds one case file in the documented layout; the doc's clientID comes from the seed too. */
export function buildCaseDoc(rng: Rng, teamId: string): { name: string; doc: Y.Doc } {
  const id = uuid(rng)
  const doc = new Y.Doc()
  doc.clientID = prng.uint32(rng, 1, 0x7fffffff)
  doc.transact(() => {
    const meta = doc.getMap('meta')
    meta.set('schemaVersion', 1)
    meta.set('id', id)
    meta.set('createdAt', `${date(rng)}T09:00:00.000Z`)
    meta.set('createdBy', uuid(rng))
    meta.set('teamId', teamId)
    meta.set('stage', prng.oneOf(rng, ['assessment', 'planning', 'delivery', 'delivery']))
    meta.set('level', prng.oneOf(rng, ['general', 'general', 'intensive']))

    const household = doc.getMap('household')
    household.set('targetType', prng.oneOf(rng, ['basic', 'nearPoor', 'lowIncome']))
    household.set('address', `서울특별시 ${prng.oneOf(rng, DISTRICTS)} ${prng.int32(rng, 1, 240)}`)
    household.set('addressDetail', `${prng.int32(rng, 1, 5)}층 ${prng.int32(rng, 101, 504)}호`)
    household.set('phone', phone(rng))

    const members = doc.getMap('members')
    const memberCount = prng.int32(rng, 2, 4)
    for (let i = 0; i < memberCount; i++) {
      const mid = uuid(rng)
      const born = prng.int32(rng, 1938, 2015)
      members.set(
        mid,
        entity({
          id: mid,
          name: personName(rng),
          birthDate: `${born}-${pad(prng.int32(rng, 1, 12))}-${pad(prng.int32(rng, 1, 28))}`,
          sexDigit: String(prng.int32(rng, 1, 2) + (born >= 2000 ? 2 : 0)),
          phone: prng.bool(rng) ? phone(rng) : undefined,
          relation: i === 0 ? '본인' : prng.oneOf(rng, RELATIONS),
          isHead: i === 0,
        }),
      )
    }

    const intake = doc.getMap('intake')
    intake.set('date', date(rng))
    intake.set('source', prng.oneOf(rng, ['dongCenter', 'welfareCenter', 'self', 'volunteerReport']))
    intake.set('presentingProblem', text(sentences(rng, 1, 1)))

    const assessment = doc.getMap('assessment')
    assessment.set('date', date(rng))
    const needs = new Y.Map<Y.Map<unknown>>()
    assessment.set('needs', needs)
    for (const domain of ['economy', 'housing', 'health', 'relationship']) {
      if (prng.bool(rng)) continue
      const need = entity({ urgency: prng.int32(rng, 1, 5), importance: prng.int32(rng, 1, 5) })
      need.set('note', text(prng.oneOf(rng, MIDDLES)))
      needs.set(domain, need)
    }
    const signs = new Y.Map<boolean>()
    assessment.set('crisisSigns', signs)
    signs.set(prng.oneOf(rng, ['billArrears', 'isolation', 'rentArrears', 'mailPiling']), true)

    const plan = doc.getMap('plan')
    plan.set('longTermGoals', text(`${prng.oneOf(rng, GOALS)}, ${prng.oneOf(rng, GOALS)}`))
    plan.set('shortTermGoals', text(`${prng.oneOf(rng, GOALS)}: ${prng.oneOf(rng, CLOSERS)}`))
    const services = new Y.Map<Y.Map<unknown>>()
    plan.set('services', services)
    for (let i = 0; i < 1; i++) {
      const sid = uuid(rng)
      const [domain, name, provider] = prng.oneOf(rng, [...SERVICES])
      services.set(sid, entity({ id: sid, domain, name, provider, frequency: '주 1회', startDate: date(rng) }))
    }

    const visits = doc.getMap('visits')
    for (let i = 0; i < 10; i++) {
      const vid = uuid(rng)
      visits.set(vid, visit(rng, vid))
    }
    doc.getArray('history').push([{ at: `${date(rng)}T09:00:00.000Z`, kind: 'stage', from: 'intake', to: 'assessment' }])
  })
  return { name: `case/${id}`, doc }
}

export interface CaseFileSet {
  items: DocState[]
  /** Sum of the encoded states. */
  totalBytes: number
  averageBytes: number
}

export function generateCaseFiles(count: number, seed: number, teamId = 'bench-team'): CaseFileSet {
  const rng = prng.create(seed)
  const items: DocState[] = []
  let totalBytes = 0
  for (let i = 0; i < count; i++) {
    const { name, doc } = buildCaseDoc(rng, teamId)
    const update = Y.encodeStateAsUpdate(doc)
    doc.destroy()
    totalBytes += update.byteLength
    items.push({ name, update })
  }
  return { items, totalBytes, averageBytes: count === 0 ? 0 : totalBytes / count }
}

/** "A day's work" on `count` documents: another device adds one visit note to each. Returns the updates. */
export function makeEdits(source: DocState[], count: number, seed: number): DocState[] {
  const rng = prng.create(seed)
  const step = Math.max(1, Math.floor(source.length / Math.max(1, count)))
  const edits: DocState[] = []
  for (let i = 0; i < count && i * step < source.length; i++) {
    const src = source[i * step]
    if (!src) break
    const doc = new Y.Doc()
    doc.clientID = prng.uint32(rng, 1, 0x7fffffff)
    Y.applyUpdate(doc, src.update)
    const before = Y.encodeStateVector(doc)
    const vid = uuid(rng)
    doc.getMap('visits').set(vid, visit(rng, vid))
    edits.push({ name: src.name, update: Y.encodeStateAsUpdate(doc, before) })
    doc.destroy()
  }
  return edits
}
