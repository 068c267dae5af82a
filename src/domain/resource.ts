// 자원관리: the team's directory of resources used when linking services. Built-in rows come from
// seed 003's 방문형 서비스 table, with the district's provider names generalised; the team edits or hides
// them and adds its own (stored in the team document, src/store/teamDoc.ts).
import * as z from 'zod/mini'
import { ResourceKindSchema, ResourceSectorSchema, ServiceDomainSchema } from './enums'
import { PhoneSchema, requiredText, safeText } from './primitives'

export const ResourceSchema = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, '올바른 식별자가 아닙니다.')),
  name: requiredText(100, '서비스명을 입력하세요.'),
  target: safeText(500),
  content: safeText(1000),
  provider: requiredText(200, '제공기관을 입력하세요.'),
  domain: ServiceDomainSchema,
  /** 공공 / 민간. */
  sector: z.optional(ResourceSectorSchema),
  /** 인적 / 물적. */
  kind: z.optional(ResourceKindSchema),
  /** 담당자 이름 (and 직함), e.g. "김복지 주무관". */
  contactName: z.optional(safeText(50)),
  /** 담당자 연락처, digits only once parsed. */
  contactPhone: z.optional(PhoneSchema),
  builtIn: z.boolean(),
})
export type Resource = z.infer<typeof ResourceSchema>

// Domain choices are ours (the seed gives none): care and nursing services count as 건강, the
// elderly safety check as 관계 (isolation), abuse protection as 법률, monitoring services as 기타.
// Sector: 동주민센터, 희망복지지원단 and 보건소 are public offices (공공); 복지관, 자활센터, 재가기관 and the
// 노인보호전문기관 (designated, but run by private foundations) are 민간. Kind: every row of the table is a
// visiting service delivered by people, so all are 인적; none is 물적 (goods, cash, space). No 담당자 is
// built in: contacts differ per district, the team adds them by editing the row.
export const SEED_RESOURCES: readonly Resource[] = [
  {
    id: 'seed-dong-visit',
    name: '동방문상담',
    target: '국민기초생활수급자, 차상위',
    content: '복지대상자 모니터링',
    provider: '동주민센터',
    domain: 'other',
    sector: 'public',
    kind: 'human',
    builtIn: true,
  },
  {
    id: 'seed-case-management',
    name: '통합사례관리',
    target: '국민기초생활수급자, 차상위, 일반저소득 등 위기가구',
    content: '욕구조사, 서비스 제공, 모니터링',
    provider: '희망복지지원단',
    domain: 'other',
    sector: 'public',
    kind: 'human',
    builtIn: true,
  },
  {
    id: 'seed-visit-health',
    name: '방문건강관리서비스',
    target: '기초수급자, 건강보험 20% 이하 가구',
    content: '노인 만성질환자 등 질환별·주별 건강관리',
    provider: '보건소',
    domain: 'health',
    sector: 'public',
    kind: 'human',
    builtIn: true,
  },
  {
    id: 'seed-elder-care-basic',
    name: '노인돌봄기본서비스',
    target: '65세 이상 독거노인(일상생활 지원 필요)',
    content: '안전확인, 생활교육, 보건복지 연계 등',
    provider: '노인종합복지관',
    domain: 'relationship',
    sector: 'private',
    kind: 'human',
    builtIn: true,
  },
  {
    id: 'seed-elder-care-comprehensive',
    name: '노인돌봄종합서비스',
    target: '65세 이상 치매·중풍 등 질환자',
    content: '가사활동지원, 주간보호',
    provider: '지역자활센터, 재가노인복지센터',
    domain: 'health',
    sector: 'private',
    kind: 'human',
    builtIn: true,
  },
  {
    id: 'seed-disability-activity',
    name: '장애인활동지원서비스',
    target: '1~2급 장애인(일상생활 지원 필요)',
    content: '신변처리, 가사지원, 이동보조',
    provider: '지역자활센터, 장애인자립생활지원센터',
    domain: 'health',
    sector: 'private',
    kind: 'human',
    builtIn: true,
  },
  {
    id: 'seed-housework-care',
    name: '가사간병 방문도우미',
    target: '국민기초생활수급자, 차상위',
    content: '가사간병 서비스 지원',
    provider: '지역자활센터',
    domain: 'health',
    sector: 'private',
    kind: 'human',
    builtIn: true,
  },
  {
    id: 'seed-ltc-home-care',
    name: '노인장기요양 방문요양서비스',
    target: '장기요양보험 3등급 이상',
    content: '신체활동, 가사활동 등 지원',
    provider: '재가장기요양기관',
    domain: 'health',
    sector: 'private',
    kind: 'human',
    builtIn: true,
  },
  {
    id: 'seed-ltc-bathing',
    name: '노인장기요양 방문목욕서비스',
    target: '장기요양보험 3등급 이상',
    content: '목욕서비스',
    provider: '재가장기요양기관',
    domain: 'health',
    sector: 'private',
    kind: 'human',
    builtIn: true,
  },
  {
    id: 'seed-elder-abuse',
    name: '노인학대 예방',
    target: '학대판정 노인',
    content: '상담 및 일시보호 등 서비스 제공',
    provider: '노인보호전문기관',
    domain: 'legal',
    sector: 'private',
    kind: 'human',
    builtIn: true,
  },
]
