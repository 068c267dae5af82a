// Case file views for the relay's access records (개인정보의 안전성 확보조치 기준 제8조: 정보주체별 열람 기록).
// A screen queues a view (src/store/viewQueue.ts, sealed); after each caught-up feed the engine sends the
// queue as Viewed to a relay that understands it (protocol 4), and the sent views leave the queue.
import { MAX_VIEWED_ITEMS, MsgType, VIEWED_PROTOCOL_VERSION } from './protocol'
import type { DeviceMessage, Message } from './protocol'

export interface ViewItem {
  name: string
  at: number
}

/** The queue the store keeps: oldest first. */
export interface ViewSource {
  take(max: number): Promise<ViewItem[]>
  /** Removes the `count` oldest views (the ones just sent). */
  drop(count: number): Promise<void>
}

let source: ViewSource | null = null

export function registerViewSource(next: ViewSource | null): void {
  source = next
}

/** Engine hook: learns the relay's version from Welcome and reports queued views at FeedDone. */
export function createViewReporter(): (msg: Message, send: (m: DeviceMessage) => boolean) => void {
  let relayVersion = 0
  let sending = false
  return (msg, send) => {
    if (msg.type === MsgType.Welcome) relayVersion = msg.protocolVersion
    if (msg.type !== MsgType.FeedDone || relayVersion < VIEWED_PROTOCOL_VERSION || !source || sending) return
    const from = source
    sending = true
    void (async () => {
      try {
        for (;;) {
          const items = await from.take(MAX_VIEWED_ITEMS)
          if (items.length === 0 || !send({ type: MsgType.Viewed, items })) return
          await from.drop(items.length)
          if (items.length < MAX_VIEWED_ITEMS) return
        }
      } catch {
        // the store closed (lock, logout): the views wait for the next sync
      } finally {
        sending = false
      }
    })()
  }
}
