// The volunteer reports on this device with their handling, kept current (here, another tab, the relay).
// Small on purpose: the top bar's badge uses it from the first load; the inbox screen itself loads lazily.
import { useEffect, useState } from 'react'
import { inboxOrder, isUrgent, overdueDiscoveries, todayInSeoul } from '../../domain'
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

/** What the top bar's badge counts: open urgent reports, and discoveries past their 14-day deadline. */
export function useInboxAttention(): { urgent: number; overdue: number; total: number } {
  const items = useInboxItems()
  if (!items) return { urgent: 0, overdue: 0, total: 0 }
  const urgent = items.filter((i) => !i.handling.ack && !i.handling.intake && !i.handling.linked && isUrgent(i.report))
  const overdue = overdueDiscoveries(items, todayInSeoul())
  return { urgent: urgent.length, overdue: overdue.length, total: new Set([...urgent, ...overdue]).size }
}
