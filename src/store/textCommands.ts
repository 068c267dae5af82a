// setText: the one way screens edit free text. The new value is diffed against the Y.Text
// (common prefix/suffix → one delete + one insert), so concurrent edits elsewhere interleave.
import type * as Y from 'yjs'
import {
  AssessmentSchema,
  ClosureSchema,
  ConferenceSchema,
  FollowUpSchema,
  IntakeSchema,
  LinkageSchema,
  MonitoringNoteSchema,
  SERVICE_DOMAINS,
  ServicePlanSchema,
  VisitNoteSchema,
} from '../domain'
import type { CaseFile, ServiceDomain } from '../domain'
import { applyTextDiff, childMap, rootMap, textAt } from './caseDoc'
import { mutateCase, nowInstant, refuse } from './commandCore'
import { validate } from './validate'

export type VisitTextField = 'welfareCheck' | 'health' | 'housing' | 'observations' | 'nextSteps'
export type TextPath =
  | readonly ['intake', 'presentingProblem']
  | readonly ['assessment', 'needs', ServiceDomain, 'note']
  | readonly ['plan', 'longTermGoals' | 'shortTermGoals']
  | readonly ['closure', 'note']
  | readonly ['conferences', string, 'notes']
  | readonly ['linkages', string, 'note']
  | readonly ['monitoring', string, 'text']
  | readonly ['visits', string, VisitTextField]
  | readonly ['followUps', string, 'note']

interface Target {
  /** Validates the case's record with the new text (throws ValidationError). */
  check: (cf: CaseFile, value: string) => void
  /** The Y.Map holding the Y.Text, inside the write transaction. */
  map: (doc: Y.Doc) => Y.Map<unknown>
  key: string
}

const VISIT_FIELDS: readonly string[] = ['welfareCheck', 'health', 'housing', 'observations', 'nextSteps']
const ENTITY_FIELDS: Record<string, { key: string; schema: typeof ConferenceSchema | typeof LinkageSchema | typeof MonitoringNoteSchema | typeof FollowUpSchema }> = {
  conferences: { key: 'notes', schema: ConferenceSchema },
  linkages: { key: 'note', schema: LinkageSchema },
  monitoring: { key: 'text', schema: MonitoringNoteSchema },
  followUps: { key: 'note', schema: FollowUpSchema },
}
const BAD_PATH = '편집할 수 없는 항목입니다.'

function entityOf<T extends { id: string }>(list: readonly T[], id: string, path: string): T {
  return list.find((e) => e.id === id) ?? refuse(path, '기록을 찾을 수 없습니다.')
}

function resolve(path: readonly string[]): Target {
  const [root, a, b, c] = path
  const joined = path.join('.')
  if (root === 'intake' && a === 'presentingProblem' && path.length === 2) {
    return { key: a, map: (doc) => rootMap(doc, 'intake'), check: (cf, v) => void validate(IntakeSchema, { ...cf.intake, [a]: v }) }
  }
  if (root === 'plan' && (a === 'longTermGoals' || a === 'shortTermGoals') && path.length === 2) {
    return {
      key: a,
      map: (doc) => rootMap(doc, 'plan'),
      check: (cf, v) => {
        if (cf.selection?.kind !== 'caseManagement') refuse('plan', '서비스제공계획은 사례관리가구로 선정된 뒤에만 작성할 수 있습니다.')
        validate(ServicePlanSchema, { longTermGoals: '', shortTermGoals: '', services: [], ...cf.plan, [a]: v })
      },
    }
  }
  if (root === 'closure' && a === 'note' && path.length === 2) {
    return {
      key: a,
      map: (doc) => rootMap(doc, 'closure'),
      check: (cf, v) => {
        if (!cf.closure) refuse('closure', '종결 기록이 없습니다.')
        validate(ClosureSchema, { ...cf.closure, note: v })
      },
    }
  }
  if (root === 'assessment' && a === 'needs' && c === 'note' && path.length === 4 && SERVICE_DOMAINS.includes(b as ServiceDomain)) {
    const domain = b as ServiceDomain
    return {
      key: 'note',
      map: (doc) => childMap(childMap(rootMap(doc, 'assessment'), 'needs'), domain),
      check: (cf, v) => {
        const need = cf.assessment.needs[domain] ?? refuse(joined, '먼저 시급성과 중요도를 입력하세요.')
        validate(AssessmentSchema, { ...cf.assessment, needs: { ...cf.assessment.needs, [domain]: { ...need, note: v } } })
      },
    }
  }
  if (root === 'visits' && a && b && VISIT_FIELDS.includes(b) && path.length === 3) {
    return {
      key: b,
      map: (doc) => childMap(rootMap(doc, 'visits'), a),
      check: (cf, v) => void validate(VisitNoteSchema, { ...entityOf(cf.visits, a, 'visitId'), [b]: v }),
    }
  }
  const entity = root ? ENTITY_FIELDS[root] : undefined
  if (entity && a && b === entity.key && path.length === 3) {
    const list = root as 'conferences' | 'linkages' | 'monitoring' | 'followUps'
    return {
      key: b,
      map: (doc) => childMap(rootMap(doc, list), a),
      check: (cf, v) => void validate(entity.schema, { ...entityOf<{ id: string }>(cf[list], a, 'id'), [b]: v }),
    }
  }
  return refuse(joined, BAD_PATH)
}

const TOUCH_EVERY_MS = 60_000

/** Replaces the text at `path` by `value` (a dotted string such as 'visits.<id>.observations' works too). */
export async function setText(caseId: string, path: TextPath | string, value: string): Promise<void> {
  const parts = typeof path === 'string' ? path.split('.') : [...path]
  const target = resolve(parts)
  if (typeof value !== 'string') refuse(parts.join('.'), '글자를 입력하세요.')
  await mutateCase(
    caseId,
    (cf) => {
      target.check(cf, value)
      return {
        result: undefined,
        write: (doc) => {
          applyTextDiff(textAt(target.map(doc), target.key), value)
          // Stamp the change time at most once a minute while typing, not per keystroke.
          const meta = rootMap(doc, 'meta')
          const last = Date.parse(String(meta.get('updatedAt') ?? meta.get('createdAt') ?? ''))
          if (!(Date.now() - last < TOUCH_EVERY_MS)) meta.set('updatedAt', nowInstant())
        },
      }
    },
    { touch: false },
  )
}
