// The one place that touches a WebSocket: works with the browser's WebSocket and with `ws` in Node
// (pass its constructor in). The engine only sees open/send/close and byte frames.

/** The part of a WebSocket the engine uses. Handler parameters are `never` so both the DOM and `ws` types fit. */
export interface WebSocketLike {
  binaryType: string
  readonly readyState: number
  send(data: Uint8Array): void
  close(code?: number, reason?: string): void
  onopen: ((ev: never) => unknown) | null
  onmessage: ((ev: never) => unknown) | null
  onclose: ((ev: never) => unknown) | null
  onerror: ((ev: never) => unknown) | null
}

export type WebSocketConstructor = new (url: string) => WebSocketLike

export interface ConnectionHandlers {
  onOpen(): void
  onMessage(bytes: Uint8Array): void
  /** Called once, whether the peer closed, the network failed or close() was called. */
  onClose(code: number): void
}

export interface Connection {
  send(bytes: Uint8Array): boolean
  close(): void
}

const OPEN = 1

function toBytes(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  return null
}

export function defaultWebSocket(): WebSocketConstructor | undefined {
  const g = globalThis as { WebSocket?: WebSocketConstructor }
  return g.WebSocket
}

export function openConnection(url: string, Impl: WebSocketConstructor, handlers: ConnectionHandlers): Connection {
  let closed = false
  const finish = (code: number): void => {
    if (closed) return
    closed = true
    handlers.onClose(code)
  }
  const ws = new Impl(url)
  ws.binaryType = 'arraybuffer'
  ws.onopen = (() => {
    if (!closed) handlers.onOpen()
  }) as (ev: never) => unknown
  ws.onmessage = ((ev: { data: unknown }) => {
    if (closed) return
    const bytes = toBytes(ev.data)
    // Text frames are not part of the protocol; treat them like a malformed frame.
    handlers.onMessage(bytes ?? new Uint8Array(0))
  }) as (ev: never) => unknown
  ws.onclose = ((ev: { code?: number }) => finish(ev.code ?? 1006)) as (ev: never) => unknown
  ws.onerror = (() => {
    /* onclose follows */
  }) as (ev: never) => unknown
  return {
    send(bytes) {
      if (closed || ws.readyState !== OPEN) return false
      ws.send(bytes)
      return true
    },
    close() {
      if (closed) return
      try {
        ws.close(1000)
      } catch {
        /* already closing */
      }
      finish(1000)
    },
  }
}
