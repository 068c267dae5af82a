// The demo organisation created on an empty database: two teams, seven users with the synthetic
// password of docs/CONTRACTS.md, and synthetic case files built as real Yjs docs (nothing real here).
import crypto from 'node:crypto'
import * as Y from 'yjs'
import { CASE_SCHEMA_VERSION, CaseFileSchema } from '../src/domain'
import type { CaseFile, Stage } from '../src/domain'
import { writeNewCase } from '../src/store/caseDoc'
import { hashPassword } from './auth'
import type { RelayStorage, Role } from './storage/types'

export const DEMO_PASSWORD = 'demo2026!'
export const DEMO_TEAMS = [
  { id: 'dong-sinchon', name: '신촌동 주민센터' },
  { id: 'hope-center', name: '희망복지지원단' },
]
export const DEMO_USERS: { username: string; role: Role; team: string }[] = [
  { username: 'dong.worker', role: 'worker', team: 'dong-sinchon' },
  { username: 'dong.supervisor', role: 'supervisor', team: 'dong-sinchon' },
  { username: 'dong.volunteer', role: 'volunteer', team: 'dong-sinchon' },
  { username: 'hope.worker', role: 'worker', team: 'hope-center' },
  { username: 'hope.supervisor', role: 'supervisor', team: 'hope-center' },
  { username: 'hope.volunteer', role: 'volunteer', team: 'hope-center' },
  { username: 'admin', role: 'admin', team: 'hope-center' },
]

const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임']
const GIVEN = ['하늘', '바다', '나래', '보람', '슬기', '다온', '가람', '한결', '새봄', '누리', '이슬', '초롱']
const STREETS = ['신촌로', '연세로', '명물길', '창천로', '이화여대길']
const PROBLEMS = [
  '월세가 석 달째 밀려 퇴거 통지를 받았다고 함. 주 소득원이 일용직이라 겨울철 일감이 줄었음.',
  '혼자 사시는 어르신으로 최근 거동이 불편해져 식사를 거르는 날이 많다는 이웃 제보.',
  '단전 예고 통지를 받음. 자녀와 연락이 끊긴 지 오래되었고 우울감을 호소함.',
  '실직 후 건강보험료 체납이 이어지고 있음. 취업 의사가 있어 자활 연계를 희망함.',
]
const STAGES: Stage[] = ['intake', 'assessment', 'selection', 'planning', 'delivery']

function rng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function demoCase(i: number, team: string, createdBy: string): CaseFile {
  const r = rng(i + 1)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
  const day = String(1 + (i % 27)).padStart(2, '0')
  const stage = STAGES[i % STAGES.length]!
  const selected = ['planning', 'delivery'].includes(stage)
  const headName = pick(SURNAMES) + pick(GIVEN)
  const members: CaseFile['members'] = [
    { id: `m${i}a`, name: headName, birthDate: `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`, sexDigit: i % 2 ? '1' : '2', phone: `0105555${String(1000 + i).slice(-4)}`, isHead: true },
  ]
  if (i % 3 === 0) members.push({ id: `m${i}b`, name: pick(SURNAMES) + pick(GIVEN), birthDate: `20${10 + (i % 9)}-05-0${1 + (i % 8)}`, sexDigit: i % 2 ? '4' : '3', relation: '자녀', isHead: false })
  const cf: CaseFile = {
    meta: { schemaVersion: CASE_SCHEMA_VERSION, id: crypto.randomUUID(), createdAt: `2026-10-${day}T09:00:00+09:00`, createdBy, teamId: team, stage, level: i % 4 === 0 ? 'intensive' : 'general' },
    household: { targetType: pick(['basic', 'nearPoor', 'lowIncome'] as const), address: `서울특별시 서대문구 ${pick(STREETS)} ${10 + i}`, addressDetail: `${100 + i}호` },
    members,
    intake: { date: `2026-10-${day}`, source: pick(['dongCenter', 'self', 'volunteerReport', 'welfareCenter'] as const), presentingProblem: pick(PROBLEMS) },
    assessment: stage === 'intake' ? { needs: {}, crisisSigns: [] } : {
      date: `2026-11-0${1 + (i % 9)}`,
      needs: { economy: { urgency: 5, importance: 4, note: '생계비 긴급 지원 필요' }, health: { urgency: 3, importance: 4, note: '정기 방문건강관리 연계' } },
      crisisSigns: i % 2 ? ['rentArrears', 'isolation'] : ['billArrears'],
    },
    conferences: [],
    linkages: [],
    monitoring: [],
    visits: stage === 'delivery' ? [{
      id: `v${i}`, visitedAt: `2026-11-1${i % 9}T14:00:00+09:00`, visitors: ['담당 사례관리사'], kind: 'solo', contact: 'met',
      welfareCheck: '안부 확인함. 식사는 하루 두 끼.', health: '무릎 통증 호소', housing: '난방 상태 양호',
      crisisSigns: [], observations: '우편물이 정리되어 있고 표정이 지난 방문보다 밝음.', nextSteps: '보건소 방문건강관리 연계 확인', nextVisitDate: '2026-12-01',
    }] : [],
    followUps: [],
    history: [],
    consents: [],
    referrals: [],
  }
  if (['selection', 'planning', 'delivery'].includes(stage)) cf.selection = { kind: selected ? 'caseManagement' : 'linkage', decidedAt: `2026-11-1${i % 9}` }
  if (selected) cf.plan = { longTermGoals: '안정적인 주거 유지와 소득 회복', shortTermGoals: '체납 해소, 정기 안부 확인', services: [{ id: `s${i}`, domain: 'health', name: '방문건강관리', provider: '서대문구 보건소', frequency: '월 2회', startDate: '2026-11-20' }] }
  return CaseFileSchema.parse(cf)
}

/** Creates the demo organisation when the database has no users; returns the logins it printed. */
export async function seedDemoIfEmpty(storage: RelayStorage, log: (line: string) => void, cases = 20): Promise<boolean> {
  if (storage.countUsers() > 0) return false
  for (const t of DEMO_TEAMS) storage.ensureTeam(t)
  const hash = await hashPassword(DEMO_PASSWORD)
  const ids = new Map<string, string>()
  for (const u of DEMO_USERS) {
    const id = crypto.randomUUID()
    ids.set(u.username, id)
    storage.createUser({ id, username: u.username, role: u.role, team: u.team, passwordHash: hash, createdAt: Date.now() })
  }
  const updates = []
  for (let i = 0; i < cases; i++) {
    const team = i % 5 < 3 ? 'dong-sinchon' : 'hope-center'
    const by = ids.get(team === 'dong-sinchon' ? 'dong.worker' : 'hope.worker')!
    const doc = new Y.Doc()
    const cf = demoCase(i, team, by)
    writeNewCase(doc, cf)
    updates.push({ name: `case/${cf.meta.id}`, update: Y.encodeStateAsUpdate(doc), userId: by, deviceId: 'demo-seed', ownerTeam: team })
  }
  storage.appendUpdates(updates, Date.now())
  log('데모 조직을 만들었습니다 (synthetic demo organisation created). 로그인 / logins:')
  for (const u of DEMO_USERS) log(`  ${u.username.padEnd(16)} ${u.role.padEnd(10)} ${u.team}`)
  log(`  공통 데모 비밀번호 / shared demo password: ${DEMO_PASSWORD}  (합성 데모 전용 / synthetic demo only)`)
  return true
}
