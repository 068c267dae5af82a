// The team's 협력회의, newest first, reloaded when the team document changes (here, another tab, relay).
import { useEffect, useState } from 'react'
import type { CooperationMeeting } from '../../domain'
import { listMeetings, onResourcesChange } from '../../store'

export function useMeetings(): { meetings: CooperationMeeting[]; loaded: boolean } {
  const [state, setState] = useState<{ meetings: CooperationMeeting[]; loaded: boolean }>({ meetings: [], loaded: false })
  useEffect(() => {
    let seq = 0
    let live = true
    const load = () => {
      const mine = ++seq
      listMeetings().then(
        (meetings) => {
          if (live && mine === seq) setState({ meetings, loaded: true })
        },
        (err: unknown) => {
          if (live && mine === seq) console.error('listing meetings failed', (err as Error).name)
        },
      )
    }
    const stop = onResourcesChange(load)
    load()
    return () => {
      live = false
      stop()
    }
  }, [])
  return state
}
