// The volunteer reports on this device with their handling, kept current (here, another tab, the relay).
// Small on purpose: the top bar's badge uses it from the first load; the inbox screen itself loads lazily.
import { useEffect, useState } from 'react'
import { inboxOrder, urgentOpenCount } from '../../domain'
import type { InboxItem } from '../../domain'
import { listReports, onVolunteerDocsChange } from '../../store'

/** Every report in inbox order; undefined until first read. */
export function useInboxItems(): InboxItem[] | undefined {
  const [items, setItems] = useState<InboxItem[] | undefined>(undefined)
  useEffect(() => {
    let live = true
    const load = () => void listReports().then((r) => live && setItems(inboxOrder(r)), () => undefined)
    load()
    const off = onVolunteerDocsChange(load)
    return () => {
      live = false
      off()
    }
  }, [])
  return items
}

/** Open urgent reports: the top bar's badge. */
export function useUrgentOpenCount(): number {
  const items = useInboxItems()
  return items ? urgentOpenCount(items) : 0
}
