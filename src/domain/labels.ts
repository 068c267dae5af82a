// Korean (default) and English labels for every enum value, in the words of the seed documents.
import type { EnumName, EnumValue } from './enums'

export type Locale = 'ko' | 'en'
export interface Label {
  ko: string
  en: string
}

export const LABELS: { readonly [K in EnumName]: Readonly<Record<EnumValue<K>, Label>> } = {
  targetType: {
    basic: { ko: '기초수급자', en: 'Basic livelihood recipient' },
    nearPoor: { ko: '차상위계층', en: 'Near-poor' },
    lowIncome: { ko: '일반저소득', en: 'Low income' },
  },
  referralSource: {
    dongCenter: { ko: '동 주민센터', en: 'Community service centre' },
    selfSufficiencyCenter: { ko: '자활센터', en: 'Self-sufficiency centre' },
    welfareCenter: { ko: '복지관', en: 'Welfare centre' },
    self: { ko: '본인', en: 'Self' },
    volunteerReport: { ko: '이웃살피미·통장 발굴', en: 'Found by a neighbourhood volunteer' },
    other: { ko: '기타', en: 'Other' },
  },
  serviceDomain: {
    economy: { ko: '경제', en: 'Economy' },
    housing: { ko: '주거', en: 'Housing' },
    health: { ko: '건강', en: 'Health' },
    education: { ko: '교육', en: 'Education' },
    relationship: { ko: '관계', en: 'Relationships' },
    employment: { ko: '일자리', en: 'Employment' },
    legal: { ko: '법률', en: 'Legal' },
    other: { ko: '기타', en: 'Other' },
  },
  stage: {
    intake: { ko: '접수·초기상담', en: 'Intake' },
    assessment: { ko: '욕구조사', en: 'Needs assessment' },
    selection: { ko: '대상자 구분', en: 'Selection' },
    planning: { ko: '서비스제공계획', en: 'Service plan' },
    delivery: { ko: '서비스 제공·점검', en: 'Delivery and monitoring' },
    closed: { ko: '종결', en: 'Closed' },
    followUp: { ko: '사후관리', en: 'Follow-up' },
  },
  selectionKind: {
    caseManagement: { ko: '사례관리가구', en: 'Case management' },
    linkage: { ko: '서비스연계가구', en: 'Service linkage' },
    excluded: { ko: '사업대상제외가구', en: 'Excluded' },
  },
  caseLevel: {
    general: { ko: '일반', en: 'General' },
    intensive: { ko: '고난도', en: 'Intensive' },
  },
  conferenceKind: {
    internal: { ko: '희망복지지원단 내부', en: 'Internal (Hope Welfare Support Team)' },
    council: { ko: '지역사회보장협의체 실무분과', en: 'Social security council working group' },
    practitioners: { ko: '민간 실무자 연계회의', en: 'Private practitioners meeting' },
  },
  conferenceDecision: {
    select: { ko: '사례관리 선정', en: 'Select for case management' },
    linkOnly: { ko: '서비스연계', en: 'Service linkage only' },
    close: { ko: '종결', en: 'Close' },
    notSelected: { ko: '미선정', en: 'Not selected' },
    continue: { ko: '계속', en: 'Continue' },
  },
  linkageStatus: {
    planned: { ko: '계획', en: 'Planned' },
    requested: { ko: '의뢰', en: 'Requested' },
    inProgress: { ko: '제공 중', en: 'In progress' },
    completed: { ko: '완료', en: 'Completed' },
    cancelled: { ko: '취소', en: 'Cancelled' },
  },
  closureReason: {
    longTermGoal: { ko: '장기목표 달성', en: 'Long-term goal achieved' },
    shortTermGoal: { ko: '단기목표 달성', en: 'Short-term goal achieved' },
    improved: { ko: '상황호전', en: 'Situation improved' },
    movedOut: { ko: '타구전출', en: 'Moved to another district' },
    death: { ko: '사망', en: 'Death' },
    refusal: { ko: '거절', en: 'Refused' },
    gaveUp: { ko: '포기', en: 'Gave up' },
    lostContact: { ko: '연락두절(3개월)', en: 'Lost contact (3 months)' },
    agencyLimit: { ko: '기관의 지원·능력의 한계', en: 'Limits of agency support' },
  },
  closureGroup: {
    positive: { ko: '긍정적 종결', en: 'Positive closure' },
    circumstantial: { ko: '여건 종결', en: 'Circumstantial closure' },
    agency: { ko: '자체 종결', en: 'Agency closure' },
  },
  visitKind: {
    solo: { ko: '단독방문', en: 'Solo visit' },
    jointHealthCenter: { ko: '공동방문(동주민센터-보건소)', en: 'Joint visit (health centre)' },
    jointOther: { ko: '기타 공동방문', en: 'Other joint visit' },
  },
  contactOutcome: {
    met: { ko: '만남', en: 'Met' },
    reached: { ko: '연락됨', en: 'Reached' },
    noAnswer: { ko: '부재·연락 안 됨', en: 'No answer' },
  },
  crisisSign: {
    utilityCutoff: { ko: '단전·단수·단가스', en: 'Utilities cut off' },
    billArrears: { ko: '공과금·건보료 체납', en: 'Bill or health insurance arrears' },
    rentArrears: { ko: '월세·관리비 체납', en: 'Rent or maintenance arrears' },
    unseasonalClothing: { ko: '계절에 맞지 않은 복장', en: 'Clothing unsuited to the season' },
    wandering: { ko: '배회', en: 'Wandering' },
    mailPiling: { ko: '우편물 쌓임', en: 'Mail piling up' },
    isolation: { ko: '고립·은둔', en: 'Isolation or withdrawal' },
    healthDecline: { ko: '건강 악화', en: 'Failing health' },
    suicideRisk: { ko: '자살 위험 징후', en: 'Signs of suicide risk' },
  },
  historyKind: {
    stage: { ko: '단계 변경', en: 'Stage change' },
    selection: { ko: '대상자 구분', en: 'Selection' },
    conference: { ko: '사례회의', en: 'Case conference' },
    closure: { ko: '종결', en: 'Closure' },
    referral: { ko: '의뢰', en: 'Referral' },
    transfer: { ko: '이관', en: 'Transfer' },
    level: { ko: '사례 수준 변경', en: 'Case level change' },
    reopen: { ko: '사례 재개', en: 'Case reopened' },
    referralAccepted: { ko: '의뢰 수락', en: 'Referral accepted' },
    share: { ko: '열람 공유', en: 'Shared read-only' },
    unshare: { ko: '공유 해제', en: 'Sharing ended' },
    consent: { ko: '개인정보 제공 동의 기록', en: 'Consent recorded' },
    consentWithdrawn: { ko: '개인정보 제공 동의 철회', en: 'Consent withdrawn' },
    reassessment: { ko: '재판정 (새 욕구조사)', en: 'Re-assessment' },
    volunteerAssigned: { ko: '이웃살피미 배정', en: 'Volunteer assigned' },
    volunteerEnded: { ko: '이웃살피미 배정 종료', en: 'Volunteer assignment ended' },
  },
  selfSufficiencyStep: {
    basicCounseling: { ko: '기초상담', en: 'Initial counselling' },
    jobReadiness: { ko: '취업준비교육', en: 'Job readiness training' },
    workEnvironment: { ko: '근로환경조성', en: 'Work environment' },
    jobPlacement: { ko: '취업알선', en: 'Job placement' },
    afterCare: { ko: '사후관리', en: 'After-care' },
  },
  crisisGrade: {
    A: { ko: 'A등급', en: 'Grade A' },
    B: { ko: 'B등급', en: 'Grade B' },
    C: { ko: 'C등급', en: 'Grade C' },
  },
  consentMethod: {
    written: { ko: '서면', en: 'Written' },
    verbal: { ko: '구두', en: 'Verbal' },
  },
  referralBasis: {
    consent: { ko: '개인정보 제공 동의', en: 'Consent on record' },
    'ssa-15': { ko: '사회보장급여법 제15조 (조사·의뢰)', en: 'Social Security Benefits Act art. 15 (investigation and referral)' },
  },
  resourceSector: {
    public: { ko: '공공', en: 'Public' },
    private: { ko: '민간', en: 'Private' },
  },
  resourceKind: {
    human: { ko: '인적', en: 'Human' },
    material: { ko: '물적', en: 'Material' },
  },
  volunteerKind: {
    neighbor: { ko: '이웃살피미', en: 'Neighbourhood watcher' },
    tongjang: { ko: '복지통장', en: 'Welfare tong leader' },
    committee: { ko: '동 복지위원', en: 'Dong welfare committee member' },
    other: { ko: '기타 자원봉사자', en: 'Other volunteer' },
  },
  checkInSchedule: {
    weekly: { ko: '매주', en: 'Weekly' },
    biweekly: { ko: '2주마다', en: 'Every two weeks' },
    monthly: { ko: '매월', en: 'Monthly' },
  },
  checkInOutcome: {
    met: { ko: '만남', en: 'Met' },
    absent: { ko: '부재', en: 'Nobody home' },
    refused: { ko: '거절', en: 'Refused' },
    phone: { ko: '전화 통화', en: 'Phone call' },
  },
  crisisType: {
    livelihood: { ko: '생계', en: 'Livelihood' },
    care: { ko: '돌봄·보호', en: 'Care and protection' },
    health: { ko: '건강·의료', en: 'Health and medical' },
    housing: { ko: '주거', en: 'Housing' },
    job: { ko: '일자리', en: 'Work' },
  },
  urgency: {
    routine: { ko: '보통', en: 'Routine' },
    soon: { ko: '빨리', en: 'Soon' },
    urgent: { ko: '긴급', en: 'Urgent' },
  },
}

export function labelOf<K extends EnumName>(kind: K, value: EnumValue<K>, locale: Locale = 'ko'): string {
  const labels = LABELS[kind] as Readonly<Record<string, Label>>
  return labels[value]?.[locale] ?? String(value)
}
