// A case file as plain text: what a worker wrote, in reading order, so it can be copied out when the
// file leaves the device (access lost before the relay took the last changes). Korean labels: the
// text is the worker's own record, read by the worker.
import type { CaseFile } from './caseFile'
import type { ServiceDomain } from './enums'
import { formatDate } from './dates'
import { labelOf } from './labels'

export function caseFileAsText(cf: CaseFile): string {
  const lines: string[] = []
  const add = (label: string, text: string | undefined) => {
    if (text && text.trim()) lines.push(`${label}: ${text.trim()}`)
  }
  const head = cf.members.find((m) => m.isHead) ?? cf.members[0]
  add('가구주', head?.name)
  add('가구원', cf.members.map((m) => m.name).join(', '))
  add('주소', [cf.household.address, cf.household.addressDetail].filter(Boolean).join(' '))
  add(`접수 ${formatDate(cf.intake.date)} 주요 문제`, cf.intake.presentingProblem)
  for (const [domain, need] of Object.entries(cf.assessment.needs)) add(`욕구 ${labelOf('serviceDomain', domain as ServiceDomain, 'ko')}`, need?.note)
  add('장기 목표', cf.plan?.longTermGoals)
  add('단기 목표', cf.plan?.shortTermGoals)
  for (const c of cf.conferences) add(`사례회의 ${formatDate(c.date)}`, c.notes)
  for (const v of cf.visits) {
    const day = formatDate(v.visitedAt)
    add(`방문 ${day} 안부`, v.welfareCheck)
    add(`방문 ${day} 건강`, v.health)
    add(`방문 ${day} 주거`, v.housing)
    add(`방문 ${day} 관찰`, v.observations)
    add(`방문 ${day} 다음 단계`, v.nextSteps)
  }
  for (const m of cf.monitoring) add(`점검 ${formatDate(m.date)}`, m.text)
  for (const f of cf.followUps) add(`사후관리 ${formatDate(f.date)}`, f.note)
  add('종결 메모', cf.closure?.note)
  return lines.join('\n')
}
