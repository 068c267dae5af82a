// Builders for valid case files and their parts (synthetic data only). Every built case file is
// validated with CaseFileSchema, so a fixture that drifts from the schema fails loudly.
import { CaseFileSchema } from '../../../src/domain'
import type {
  Assessment,
  CaseFile,
  CaseMeta,
  FollowUp,
  Household,
  Intake,
  Linkage,
  Member,
  MonitoringNote,
  VisitNote,
} from '../../../src/domain'

export const CASE_ID = '3f2b8c1e-5a4d-4e6f-9b7a-1c2d3e4f5a6b'

let seq = 0
/** Short unique ids for entities inside a case (ids only need to be unique there). */
export function nextId(prefix = 'id'): string {
  seq += 1
  return `${prefix}-${seq}`
}

export function makeMember(overrides: Partial<Member> = {}): Member {
  return { id: nextId('m'), name: '김민수', birthDate: '1958-03-14', sexDigit: '1', isHead: false, ...overrides }
}

export function makeVisit(overrides: Partial<VisitNote> = {}): VisitNote {
  return {
    id: nextId('v'),
    visitedAt: '2026-11-02T10:00:00+09:00',
    visitors: ['이담당'],
    kind: 'solo',
    contact: 'met',
    welfareCheck: '',
    health: '',
    housing: '',
    crisisSigns: [],
    observations: '',
    nextSteps: '',
    ...overrides,
  }
}

export function makeMonitoring(overrides: Partial<MonitoringNote> = {}): MonitoringNote {
  return { id: nextId('mo'), date: '2026-11-02', contact: 'reached', text: '', ...overrides }
}

export function makeFollowUp(overrides: Partial<FollowUp> = {}): FollowUp {
  return { id: nextId('f'), date: '2027-05-01', contact: 'met', note: '', ...overrides }
}

export function makeLinkage(memberIds: string[], overrides: Partial<Linkage> = {}): Linkage {
  return { id: nextId('l'), domain: 'health', service: '방문건강관리', provider: '보건소', memberIds, status: 'inProgress', ...overrides }
}

export type CaseFileOverrides = Omit<Partial<CaseFile>, 'meta' | 'household' | 'intake' | 'assessment'> & {
  meta?: Partial<CaseMeta>
  household?: Partial<Household>
  intake?: Partial<Intake>
  assessment?: Partial<Assessment>
}

/** A valid case at intake on 2026-11-01 with one head member; override any part. */
export function makeCaseFile(overrides: CaseFileOverrides = {}): CaseFile {
  const { meta, household, intake, assessment, ...rest } = overrides
  const draft: CaseFile = {
    meta: { schemaVersion: 1, id: CASE_ID, createdAt: '2026-11-01T09:00:00+09:00', stage: 'intake', level: 'general', ...meta },
    household: { targetType: 'basic', address: '서울특별시 중구 다산로 100', ...household },
    members: [makeMember({ id: 'head', isHead: true })],
    intake: { date: '2026-11-01', source: 'dongCenter', presentingProblem: '월세 체납과 건강 악화', ...intake },
    assessment: { needs: {}, crisisSigns: [], ...assessment },
    conferences: [],
    linkages: [],
    monitoring: [],
    visits: [],
    followUps: [],
    history: [],
    consents: [],
    referrals: [],
    ...rest,
  }
  return CaseFileSchema.parse(draft)
}
