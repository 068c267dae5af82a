// The volunteer's briefs, reports and kind, read from the device store and kept fresh.
import { useEffect, useState } from 'react'
import type { Brief, InboxItem, VolunteerKind } from '../../domain'
import { listBriefs, listReports, onVolunteerDocsChange } from '../../store/volunteerStore'
import { getVolunteerKind, onVolunteerKindChange, reportSendStates } from '../../store/volunteerProfile'
import type { ReportSendState } from '../../store/volunteerProfile'

export interface VolunteerData {
  loading: boolean
  briefs: Brief[]
  reports: InboxItem[]
  send: ReadonlyMap<string, ReportSendState>
}

const EMPTY: VolunteerData = { loading: true, briefs: [], reports: [], send: new Map() }

export function useVolunteerData(): VolunteerData {
  const [data, setData] = useState<VolunteerData>(EMPTY)
  useEffect(() => {
    let live = true
    let seq = 0
    const load = async () => {
      const mine = ++seq
      try {
        const [briefs, reports] = await Promise.all([listBriefs(), listReports()])
        const send = await reportSendStates(reports.map((r) => r.name))
        if (live && mine === seq) setData({ loading: false, briefs: briefs.map((b) => b.brief), reports, send })
      } catch (err) {
        console.error('reading briefs and reports failed', (err as Error).name)
        if (live && mine === seq) setData((d) => ({ ...d, loading: false }))
      }
    }
    void load()
    const off = onVolunteerDocsChange(() => void load())
    return () => {
      live = false
      off()
    }
  }, [])
  return data
}

export function useVolunteerKind(): { loaded: boolean; kind: VolunteerKind | undefined } {
  const [state, setState] = useState<{ loaded: boolean; kind: VolunteerKind | undefined }>({ loaded: false, kind: undefined })
  useEffect(() => {
    let live = true
    const load = () =>
      void getVolunteerKind().then(
        (kind) => live && setState({ loaded: true, kind }),
        () => live && setState({ loaded: true, kind: undefined }),
      )
    load()
    const off = onVolunteerKindChange(load)
    return () => {
      live = false
      off()
    }
  }, [])
  return state
}
