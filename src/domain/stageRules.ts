// Which stage moves are allowed (DESIGN.md §2). Forward one step at a time, with these exceptions:
// 서비스연계가구 go selection → delivery without a plan; 사업대상제외가구 can only be closed; a case can
// be closed from any open stage once a closure reason is recorded (death, refusal or lost contact do
// not wait for a stage). Back one step is a correction; closed → delivery reopens (재개).
import { assessedDomains } from './assessment'
import type { CaseFile } from './caseFile'
import { followUpSchedule } from './deadlines'
import { STAGES } from './enums'
import type { Stage } from './enums'
import { LABELS } from './labels'
import { isPlanWritten } from './servicePlan'

export type TransitionResult = { ok: true } | { ok: false; reason: string }

const OK: TransitionResult = { ok: true }
const refuse = (reason: string): TransitionResult => ({ ok: false, reason })
const ko = (s: Stage) => LABELS.stage[s].ko
const indexOf = (s: Stage) => STAGES.indexOf(s)

/** Requirements for entering `to` (shared by forward moves and reopening). */
function entryCheck(cf: CaseFile, to: Stage): TransitionResult {
  const kind = cf.selection?.kind
  switch (to) {
    case 'intake':
      return OK
    case 'assessment':
      return cf.intake.presentingProblem.trim() === ''
        ? refuse('욕구조사로 넘어가려면 접수 시 주요 문제(주호소)를 먼저 입력하세요.')
        : OK
    case 'selection':
      return assessedDomains(cf.assessment).length === 0
        ? refuse('대상자 구분으로 넘어가려면 욕구조사에서 욕구 영역을 하나 이상 평가하세요.')
        : OK
    case 'planning':
      return kind === 'caseManagement'
        ? OK
        : refuse('서비스제공계획은 사례관리가구로 선정된 뒤에만 작성할 수 있습니다.')
    case 'delivery':
      if (kind === 'linkage') return OK
      if (kind !== 'caseManagement') {
        return refuse('서비스 제공은 사례관리가구 또는 서비스연계가구로 선정된 뒤에만 시작할 수 있습니다.')
      }
      return isPlanWritten(cf.plan) ? OK : refuse('서비스 제공을 시작하려면 서비스제공계획(목표 또는 서비스)을 먼저 작성하세요.')
    case 'closed':
      return cf.closure ? OK : refuse('종결하려면 종결 사유를 먼저 기록하세요.')
    case 'followUp':
      if (!cf.closure) return refuse('사후관리는 종결 후에만 할 수 있습니다.')
      if (cf.closure.reason === 'death') return refuse('사망으로 종결된 사례는 사후관리를 하지 않습니다.')
      return followUpSchedule(cf).length === 0
        ? refuse('사후관리는 사례관리가구와 서비스연계가구에만 해당합니다.')
        : OK
  }
}

/** Previous stage for a correction; 서비스연계가구 skipped planning, so delivery goes back to selection. */
function previousStage(cf: CaseFile, from: Stage): Stage | undefined {
  if (from === 'delivery' && cf.selection?.kind === 'linkage') return 'selection'
  if (from === 'closed') return undefined // leaving closed is only 재개 to delivery
  return STAGES[indexOf(from) - 1]
}

/** Reopening (재개): a closed case, or one in 사후관리, goes back to 서비스 제공 if it could enter it. */
export function checkReopen(cf: CaseFile): TransitionResult {
  if (cf.meta.stage !== 'closed' && cf.meta.stage !== 'followUp') return refuse('종결되었거나 사후관리 중인 사례만 재개할 수 있습니다.')
  const entry = entryCheck(cf, 'delivery')
  return entry.ok ? OK : refuse(`재개할 수 없습니다: ${entry.reason}`)
}

export function checkTransition(cf: CaseFile, to: Stage): TransitionResult {
  const from = cf.meta.stage
  if (from === to) return refuse(`이미 ${ko(to)} 단계입니다.`)

  if (from === 'closed' && to === 'delivery') {
    const entry = entryCheck(cf, 'delivery')
    return entry.ok ? OK : refuse(`재개할 수 없습니다: ${entry.reason}`)
  }
  if (from === 'closed' && to !== 'followUp') {
    return refuse('종결된 사례는 서비스 제공·점검 단계로 재개하거나 사후관리로만 넘어갈 수 있습니다.')
  }
  if (indexOf(to) < indexOf(from)) {
    return previousStage(cf, from) === to ? OK : refuse(`${ko(from)}에서 ${ko(to)}(으)로 되돌릴 수 없습니다. 한 단계씩만 되돌릴 수 있습니다.`)
  }

  // Forward moves.
  if (to === 'followUp' && from !== 'closed') return refuse('사후관리는 종결 후에만 할 수 있습니다.')
  // A merge can leave 제외 without its reason (StoredSelectionSchema): asked for again before moving on.
  if (cf.selection?.kind === 'excluded' && !(cf.selection.reason ?? '').trim()) {
    return refuse('사업대상제외가구의 제외 사유가 비어 있습니다. 대상자 구분에서 사유를 입력하세요.')
  }
  if (to === 'closed') return entryCheck(cf, 'closed')
  if (cf.selection?.kind === 'excluded' && indexOf(from) >= indexOf('selection')) {
    return refuse('사업대상제외가구는 종결만 할 수 있습니다.')
  }
  if (from === 'selection' && to === 'delivery') {
    if (cf.selection?.kind === 'caseManagement') return refuse('사례관리가구는 서비스제공계획 단계를 거쳐야 합니다.')
    return entryCheck(cf, 'delivery') // linkage: allowed without a plan; unselected: refused
  }
  if (indexOf(to) !== indexOf(from) + 1) {
    return refuse(`${ko(from)}에서 ${ko(to)}(으)로 바로 넘어갈 수 없습니다. 단계는 한 번에 한 단계씩 진행합니다.`)
  }
  if (to === 'planning' && cf.selection?.kind === 'linkage') {
    return refuse('서비스연계가구는 서비스제공계획 없이 서비스 제공·점검으로 넘어갑니다.')
  }
  return entryCheck(cf, to)
}

/** Every stage the case may move to now (for a stage picker). */
export function allowedTransitions(cf: CaseFile): Stage[] {
  return STAGES.filter((s) => checkTransition(cf, s).ok)
}
