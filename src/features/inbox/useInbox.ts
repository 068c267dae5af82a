// The volunteer reports on this device with their handling, kept current (here, another tab, the relay).
// Small on purpose: the top bar's badge uses it from the first load; the inbox screen itself loads lazily.
import { useEffect, useState } from 'react'
import { inboxOrder, isUrgent, overdueDiscoveries, todayInSeoul } from '../../domain'
import type { InboxItem } from '../../domain'
import { listReports, onVolunteerDocsChange } from '../../store'

type IdleScheduler = (cb: () => void, options?: { timeout: number }) => number
const whenIdle = (cb: () => void): void => {
  const idle = (globalThis as { requestIdleCallback?: IdleScheduler }).requestIdleCallback
  if (idle) idle(cb, { timeout: 2000 })
  else setTimeout(cb, 0)
}

/**
 * Every report in inbox order; undefined until first read. Reads are coalesced: a burst of changes (a
 * sync page) gives one more read after the one in flight, not one each. `idle`: the first read waits for
 * an idle moment, so the top bar's badge does not compete with the list when the app opens.
 */
export function useInboxItems(options: { idle?: boolean } = {}): InboxItem[] | undefined {
  const { idle = false } = options
  const [items, setItems] = useState<InboxItem[] | undefined>(undefined)
  useEffect(() => {
    let live = true
    let running = false
    let again = false
    const load = () => {
      if (running) {
        again = true
        return
      }
      running = true
      void listReports()
        .then((r) => live && setItems(inboxOrder(r)), () => undefined)
        .finally(() => {
          running = false
          if (again && live) {
            again = false
            load()
          }
        })
    }
    if (idle) whenIdle(() => live && load())
    else load()
    const off = onVolunteerDocsChange(load)
    return () => {
      live = false
      off()
    }
  }, [idle])
  return items
}

/** What the top bar's badge counts: open urgent reports, and discoveries past their 14-day deadline. */
export function useInboxAttention(): { urgent: number; overdue: number; total: number } {
  const items = useInboxItems({ idle: true })
  if (!items) return { urgent: 0, overdue: 0, total: 0 }
  const urgent = items.filter((i) => !i.handling.ack && !i.handling.intake && !i.handling.linked && isUrgent(i.report))
  const overdue = overdueDiscoveries(items, todayInSeoul())
  return { urgent: urgent.length, overdue: overdue.length, total: new Set([...urgent, ...overdue]).size }
}
