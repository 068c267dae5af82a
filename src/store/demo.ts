// Synthetic case files for demos and the 5,000-case performance test. Every name, phone and
// address is made up from a seeded generator; nothing comes from real people.
import * as Y from 'yjs'
import { CASE_SCHEMA_VERSION, CaseFileSchema, addDays, todayInSeoul } from '../domain'
import type { CaseFile, ContactOutcome, CrisisSign, ServiceDomain, Stage } from '../domain'
import { caseDocName, writeNewCase } from './caseDoc'
import { emitChange } from './changes'
import { getDb, nowIso } from './db'
import type { CaseRow, DocRow, UpdateRow } from './db'
import { encodeForStorage } from './docCodec'
import { projectDoc, sealCaseRows } from './projection'
import { getSettings } from './storageMeta'

const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '류', '홍']
const GIVEN = ['민', '서', '지', '현', '수', '영', '준', '예', '하', '은', '도', '윤', '성', '진', '경', '숙', '희', '철', '순', '자', '호', '연', '미', '정']
const ROADS = ['신촌로', '연세로', '명물길', '창천로', '독막로', '서강로', '모래내로', '통일로']
const OBSERVATIONS = [
  '집 안이 정돈되어 있고 식사는 하루 두 끼 하고 계심.',
  '겨울인데 난방을 하지 않아 실내가 추움. 전기요금 체납 고지서 확인.',
  '무릎 통증 호소, 보건소 방문건강관리 연계 필요.',
  '우편물이 문 앞에 쌓여 있음. 이웃에 따르면 며칠째 외출 없음.',
  '자녀와 연락이 끊긴 지 오래되어 외로움을 호소함.',
  '월세 두 달 체납, 집주인과 갈등 있음.',
]
const DOMAINS: ServiceDomain[] = ['economy', 'housing', 'health', 'relationship', 'employment']
const SIGNS: CrisisSign[] = ['utilityCutoff', 'billArrears', 'rentArrears', 'isolation', 'mailPiling']
const STAGE_WEIGHTS: [Stage, number][] = [
  ['intake', 15],
  ['assessment', 15],
  ['selection', 10],
  ['planning', 10],
  ['delivery', 35],
  ['closed', 10],
  ['followUp', 5],
]

/** mulberry32: small, fast, seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function uuidFrom(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16))
  hex[12] = '4'
  hex[16] = ((parseInt(hex[16] as string, 16) & 3) | 8).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

/** One synthetic, valid case file; deterministic for a given seed and day. */
export function syntheticCase(rand: () => number, today: string = todayInSeoul()): CaseFile {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))
  const id = uuidFrom(rand)
  const surname = pick(SURNAMES)
  const name = () => pick(SURNAMES) + pick(GIVEN) + pick(GIVEN)
  const headBirth = `19${int(35, 85)}-0${int(1, 9)}-${String(int(10, 28))}`
  const members = [{ id: uuidFrom(rand), name: surname + pick(GIVEN) + pick(GIVEN), birthDate: headBirth, phone: `010${int(10_000_000, 99_999_999)}`, isHead: true }]
  for (let i = int(0, 2); i > 0; i--) members.push({ id: uuidFrom(rand), name: name(), birthDate: `20${String(int(0, 15)).padStart(2, '0')}-0${int(1, 9)}-1${int(0, 9)}`, phone: `010${int(10_000_000, 99_999_999)}`, isHead: false })

  let r = rand() * 100
  const stage = STAGE_WEIGHTS.find(([, w]) => (r -= w) < 0)?.[0] ?? 'delivery'
  const order = STAGE_WEIGHTS.map(([s]) => s)
  const reached = (s: Stage) => order.indexOf(stage) >= order.indexOf(s)
  const intakeDate = addDays(today, -int(3, 400))
  const at = (date: string) => `${date}T01:00:00.000Z`
  const cf: CaseFile = {
    meta: { schemaVersion: CASE_SCHEMA_VERSION, id, createdAt: at(intakeDate), stage, level: rand() < 0.2 ? 'intensive' : 'general' },
    household: { targetType: pick(['basic', 'nearPoor', 'lowIncome'] as const), address: `서울특별시 서대문구 ${pick(ROADS)} ${int(1, 300)}` },
    members,
    intake: { date: intakeDate, source: pick(['dongCenter', 'welfareCenter', 'self', 'volunteerReport'] as const), presentingProblem: pick(OBSERVATIONS) },
    assessment: { needs: {}, crisisSigns: rand() < 0.4 ? [pick(SIGNS)] : [] },
    conferences: [],
    linkages: [],
    monitoring: [],
    visits: [],
    followUps: [],
    history: [],
    consents: [],
    referrals: [],
  }
  if (reached('selection')) {
    for (const d of DOMAINS.slice(0, int(1, 3))) cf.assessment.needs[d] = { urgency: int(1, 5), importance: int(1, 5), note: '' }
    cf.assessment.date = addDays(intakeDate, int(1, 10))
  }
  if (reached('planning') || (reached('delivery') && rand() < 0.8)) {
    cf.selection = { kind: reached('planning') && stage !== 'delivery' ? 'caseManagement' : pick(['caseManagement', 'linkage'] as const), decidedAt: addDays(intakeDate, 14) }
    if (cf.selection.kind === 'caseManagement') cf.plan = { longTermGoals: '안정적인 주거 유지', shortTermGoals: '체납 공과금 해소', services: [] }
  }
  if (reached('planning')) {
    for (let i = int(0, 4); i > 0; i--) {
      const visitDay = addDays(today, -int(1, 120))
      cf.visits.push({
        id: uuidFrom(rand),
        visitedAt: at(visitDay),
        visitors: ['담당 사례관리사'],
        kind: pick(['solo', 'jointHealthCenter', 'jointOther'] as const),
        contact: pick(['met', 'met', 'reached', 'noAnswer'] as ContactOutcome[]),
        welfareCheck: '안부 확인함',
        health: '',
        housing: '',
        crisisSigns: [],
        observations: pick(OBSERVATIONS),
        nextSteps: '다음 방문 시 서비스 이용 확인',
      })
    }
  }
  if (reached('closed')) cf.closure = { date: addDays(today, -int(1, 200)), reason: pick(['improved', 'shortTermGoal', 'movedOut', 'lostContact'] as const) }
  return CaseFileSchema.parse(cf)
}

/** Writes `n` synthetic case files straight into the store in large batches; returns their ids. */
export async function generateSyntheticCases(n: number, seed = 1): Promise<string[]> {
  const rand = rng(seed)
  const db = getDb()
  const settings = await getSettings()
  const today = todayInSeoul()
  const ids: string[] = []
  const BATCH = 500
  for (let start = 0; start < n; start += BATCH) {
    const updates: UpdateRow[] = []
    const docs: DocRow[] = []
    const cases: CaseRow[] = []
    const at = nowIso()
    for (let i = start; i < Math.min(n, start + BATCH); i++) {
      const cf = syntheticCase(rand, today)
      const name = caseDocName(cf.meta.id)
      const doc = new Y.Doc()
      writeNewCase(doc, cf)
      updates.push({ docName: name, bytes: await encodeForStorage(db.key, name, Y.encodeStateAsUpdate(doc)), acked: 0, createdAt: at })
      docs.push({ name, kind: 'case', hasPending: 1, rejectedCount: 0, updatedAt: at })
      const row = projectDoc(name, doc, today, settings)
      if (row) cases.push(row)
      doc.destroy()
      ids.push(cf.meta.id)
    }
    const sealed = await sealCaseRows(db.key, cases)
    await db.transaction('rw', db.updates, db.docs, db.cases, async () => {
      await db.updates.bulkAdd(updates)
      await db.docs.bulkPut(docs)
      await db.cases.bulkPut(sealed)
    })
    emitChange({ names: docs.map((d) => d.name), local: true })
  }
  return ids
}
