// The demo organisation created on an empty database: two teams, seven users with the synthetic
// password of docs/CONTRACTS.md, and synthetic case files built as real Yjs docs (nothing real here).
import crypto from 'node:crypto'
import * as Y from 'yjs'
import { CASE_SCHEMA_VERSION, CaseFileSchema, CheckInSchema, DiscoverySchema, addDays, briefFromCase, todayInSeoul } from '../src/domain'
import type { CaseFile, CheckIn, Discovery, Stage, VolunteerKind } from '../src/domain'
import { writeNewCase } from '../src/store/caseDoc'
import { briefDocName, reportDocName, writePlain } from '../src/store/volunteerDocs'
import { volunteerAudience } from './access'
import { hashPassword } from './auth'
import type { NewUpdate, RelayStorage, Role } from './storage/types'

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

const DEMO_VOLUNTEERS: { username: string; worker: string; team: string; kind: VolunteerKind; contact: string }[] = [
  { username: 'dong.volunteer', worker: 'dong.worker', team: 'dong-sinchon', kind: 'neighbor', contact: '신촌동 주민센터 맞춤형복지팀 02-330-0000 (데모)' },
  { username: 'hope.volunteer', worker: 'hope.worker', team: 'hope-center', kind: 'tongjang', contact: '희망복지지원단 02-330-0001 (데모)' },
]
const SCHEDULES = ['weekly', 'biweekly', 'monthly'] as const
const WATCH_FOR = ['식사를 거르시는지, 우편물이 쌓였는지', '거동이 불편하신지, 난방은 되는지', '표정과 말씀이 어두운지, 연락이 닿는지']

function plainUpdate(root: string, value: object): Uint8Array {
  const doc = new Y.Doc()
  writePlain(doc, root, value)
  return Y.encodeStateAsUpdate(doc)
}

/**
 * Each demo volunteer's briefs (3 households of their team, from the demo case files) and one 안부확인 and
 * one 발굴 보고 they already sent (synthetic). Adds the updates; returns the read grants the briefs need.
 */
function demoVolunteerDocs(ids: Map<string, string>, byTeam: Map<string, CaseFile[]>, updates: NewUpdate[]): { name: string; audience: string; by: string }[] {
  const grants: { name: string; audience: string; by: string }[] = []
  const today = todayInSeoul()
  const now = new Date()
  for (const [k, v] of DEMO_VOLUNTEERS.entries()) {
    const volunteerId = ids.get(v.username)!
    const workerId = ids.get(v.worker)!
    const briefIds: string[] = []
    for (const [i, cf] of (byTeam.get(v.team) ?? []).slice(0, 3).entries()) {
      const brief = briefFromCase(
        { caseId: cf.meta.id, teamId: v.team, household: cf.household, members: cf.members },
        { volunteerId, schedule: SCHEDULES[i % SCHEDULES.length]!, watchFor: WATCH_FOR[i % WATCH_FOR.length]!, centerContact: v.contact },
        { id: crypto.randomUUID(), assignedBy: workerId, assignedAt: new Date(now.getTime() - (20 + i) * 86_400_000).toISOString() },
      )
      const name = briefDocName(brief.id)
      updates.push({ name, update: plainUpdate('brief', brief), userId: workerId, deviceId: 'demo-seed', ownerTeam: v.team })
      grants.push({ name, audience: volunteerAudience(volunteerId), by: workerId })
      briefIds.push(brief.id)
    }
    const sender = { teamId: v.team, by: volunteerId, byKind: v.kind }
    const reports: (CheckIn | Discovery)[] = []
    if (briefIds[0]) {
      reports.push(CheckInSchema.parse({
        ...sender, id: crypto.randomUUID(), createdAt: new Date(now.getTime() - 86_400_000).toISOString(), kind: 'checkin',
        briefId: briefIds[0], date: addDays(today, -1), outcome: k === 0 ? 'absent' : 'met', signs: k === 0 ? ['mailPiling'] : [],
        note: k === 0 ? '두 번 찾아갔으나 안 계심. 우편물이 문 앞에 쌓여 있음.' : '식사 잘 하고 계심. 무릎이 아프다고 하심.', contactRequested: k === 0,
      }))
    }
    reports.push(DiscoverySchema.parse({
      ...sender, id: crypto.randomUUID(), createdAt: new Date(now.getTime() - 2 * 86_400_000).toISOString(), kind: 'discovery',
      date: addDays(today, -2), place: k === 0 ? '서대문구 명물길 근처 다세대주택 반지하 (데모)' : '서대문구 창천로 골목 끝 단독주택 (데모)',
      who: k === 0 ? '70대로 보이는 남성, 혼자 사시는 듯함' : '50대 여성, 최근 실직했다고 하심',
      signs: k === 0 ? ['utilityCutoff', 'isolation'] : ['rentArrears'], crisisTypes: k === 0 ? ['livelihood', 'health'] : ['livelihood', 'job'],
      urgency: k === 0 ? 'urgent' : 'soon', consentToContact: k !== 0, note: k === 0 ? '밤에도 불이 꺼져 있음 (합성 데모)' : '주민센터 연락을 원하심 (합성 데모)',
      photos: [],
    }))
    for (const r of reports) {
      updates.push({
        name: reportDocName(r.id), update: plainUpdate('report', r), userId: volunteerId, deviceId: 'demo-seed', ownerTeam: v.team,
        creatorAudience: volunteerAudience(volunteerId),
      })
    }
  }
  return grants
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
  const updates: NewUpdate[] = []
  const byTeam = new Map<string, CaseFile[]>()
  for (let i = 0; i < cases; i++) {
    const team = i % 5 < 3 ? 'dong-sinchon' : 'hope-center'
    const by = ids.get(team === 'dong-sinchon' ? 'dong.worker' : 'hope.worker')!
    const doc = new Y.Doc()
    const cf = demoCase(i, team, by)
    writeNewCase(doc, cf)
    updates.push({ name: `case/${cf.meta.id}`, update: Y.encodeStateAsUpdate(doc), userId: by, deviceId: 'demo-seed', ownerTeam: team })
    byTeam.set(team, [...(byTeam.get(team) ?? []), cf])
  }
  const grants = demoVolunteerDocs(ids, byTeam, updates)
  const at = Date.now()
  storage.appendUpdates(updates, at)
  for (const g of grants) storage.grantDoc(g.name, g.audience, 'read', g.by, at, 'assignment')
  log('데모 조직을 만들었습니다 (synthetic demo organisation created). 로그인 / logins:')
  for (const u of DEMO_USERS) log(`  ${u.username.padEnd(16)} ${u.role.padEnd(10)} ${u.team}`)
  log(`  공통 데모 비밀번호 / shared demo password: ${DEMO_PASSWORD}  (합성 데모 전용 / synthetic demo only)`)
  return true
}
