// Which badge tone a stage or a due flag gets in the list.
import type { DueFilter, Stage } from '../../domain'
import type { BadgeTone } from '../common'

export function stageTone(stage: Stage): BadgeTone {
  if (stage === 'closed') return 'neutral'
  if (stage === 'followUp') return 'ok'
  return 'info'
}

export function dueTone(flag: DueFilter): BadgeTone {
  return flag === 'monitoringDue' || flag === 'followUpDue' ? 'warn' : 'danger'
}
