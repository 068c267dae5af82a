// A scripted stand-in for the relay's /sync endpoint (a real `ws` server on 127.0.0.1), for protocol
// edge cases the real relay cannot be made to produce on demand (version refusal, exact page order).
import { WebSocketServer, type WebSocket } from 'ws'
import { decodeMessage, encodeMessage, type Message } from '../../src/sync/protocol'

export interface ScriptedPeer {
  /** Next message from the device (waits up to timeoutMs). */
  next(timeoutMs?: number): Promise<Message>
  send(m: Message): void
  sendRaw(bytes: Uint8Array): void
  close(): void
  readonly closed: Promise<void>
}

export interface ScriptedRelay {
  url: string
  /** Resolves with the n-th connection (0-based) once it exists. */
  connection(n: number, timeoutMs?: number): Promise<ScriptedPeer>
  connectionCount(): number
  close(): Promise<void>
}

function makePeer(ws: WebSocket): ScriptedPeer {
  const queue: Message[] = []
  const waiters: ((m: Message) => void)[] = []
  ws.on('message', (data: Buffer) => {
    const m = decodeMessage(new Uint8Array(data))
    const w = waiters.shift()
    if (w) w(m)
    else queue.push(m)
  })
  const closed = new Promise<void>((resolve) => ws.on('close', () => resolve()))
  return {
    next(timeoutMs = 5000) {
      const q = queue.shift()
      if (q) return Promise.resolve(q)
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('no message from device')), timeoutMs)
        waiters.push((m) => {
          clearTimeout(t)
          resolve(m)
        })
      })
    },
    send: (m) => ws.send(encodeMessage(m)),
    sendRaw: (bytes) => ws.send(bytes),
    close: () => ws.close(),
    closed,
  }
}

export async function startScriptedRelay(): Promise<ScriptedRelay> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()))
  const peers: ScriptedPeer[] = []
  const waiting = new Map<number, ((p: ScriptedPeer) => void)[]>()
  wss.on('connection', (ws) => {
    const peer = makePeer(ws)
    peers.push(peer)
    for (const w of waiting.get(peers.length - 1) ?? []) w(peer)
  })
  const addr = wss.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return {
    url: `ws://127.0.0.1:${port}/sync`,
    connection(n, timeoutMs = 5000) {
      const p = peers[n]
      if (p) return Promise.resolve(p)
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`connection ${n} never came`)), timeoutMs)
        const list = waiting.get(n) ?? []
        list.push((peer) => {
          clearTimeout(t)
          resolve(peer)
        })
        waiting.set(n, list)
      })
    },
    connectionCount: () => peers.length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate()
        wss.close(() => resolve())
      }),
  }
}
