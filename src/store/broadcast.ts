// Cross-tab channel `doum-docs`: a tab that persisted updates tells the others, so their open
// documents, list index and pending counters follow without polling.

export interface DocBroadcast {
  name: string
  update: Uint8Array
  /** true when the update is a new local (unacknowledged) change, false for relay data. */
  local: boolean
}
export type BroadcastMessage =
  | { type: 'updates'; items: DocBroadcast[] }
  | { type: 'removed'; names: string[] }
  | { type: 'status'; names: string[] }
  /** Relay data of documents new to the device was stored (a pack): an open one reads it from the rows. */
  | { type: 'stored'; names: string[] }

export const CHANNEL_NAME = 'doum-docs'

let channel: BroadcastChannel | null = null
const handlers = new Set<(m: BroadcastMessage) => void>()

function ensureChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel
  channel = new BroadcastChannel(CHANNEL_NAME)
  // Node (unit tests) would otherwise keep the process alive for the channel.
  ;(channel as unknown as { unref?: () => void }).unref?.()
  channel.onmessage = (e: MessageEvent<BroadcastMessage>) => {
    for (const h of [...handlers]) h(e.data)
  }
  return channel
}

export function postBroadcast(message: BroadcastMessage): void {
  try {
    ensureChannel()?.postMessage(message)
  } catch (err) {
    console.error('doum-docs broadcast failed', err)
  }
}

export function onBroadcast(handler: (m: BroadcastMessage) => void): () => void {
  ensureChannel()
  handlers.add(handler)
  return () => handlers.delete(handler)
}

export function closeBroadcast(): void {
  channel?.close()
  channel = null
  handlers.clear()
}
