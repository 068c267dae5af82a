// A TCP proxy on 127.0.0.1 that holds every chunk `delayMs` in each direction (order kept) and
// counts the bytes each way: the benchmark's "LTE tablet" and its measure of bytes on the wire.
import net from 'node:net'

export interface ByteCount {
  /** Device → server. */
  up: number
  /** Server → device. */
  down: number
  connections: number
}

export interface LatencyProxy {
  port: number
  bytes(): ByteCount
  reset(): void
  close(): Promise<void>
}

/** Forwards `from` → `to` with a fixed delay per chunk; FIFO so order is preserved. */
function delayedPipe(from: net.Socket, to: net.Socket, delayMs: number, count: (n: number) => void): void {
  const queue: { due: number; chunk: Buffer | null }[] = []
  let timer: NodeJS.Timeout | null = null
  const flush = (): void => {
    timer = null
    const now = performance.now()
    while (queue.length > 0 && (queue[0]?.due ?? Infinity) <= now + 0.5) {
      const item = queue.shift()
      if (!item) break
      if (item.chunk === null) to.end()
      else if (!to.destroyed && !to.write(item.chunk)) from.pause()
    }
    const head = queue[0]
    if (head) timer = setTimeout(flush, Math.max(0, head.due - performance.now()))
  }
  const enqueue = (chunk: Buffer | null): void => {
    queue.push({ due: performance.now() + delayMs, chunk })
    if (!timer) timer = setTimeout(flush, delayMs)
  }
  to.on('drain', () => from.resume())
  from.on('data', (chunk: Buffer) => {
    count(chunk.length)
    enqueue(chunk)
  })
  from.on('end', () => enqueue(null))
}

export function startLatencyProxy(targetPort: number, delayMs: number, listenPort = 0): Promise<LatencyProxy> {
  const counts: ByteCount = { up: 0, down: 0, connections: 0 }
  const sockets = new Set<net.Socket>()
  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    counts.connections++
    client.setNoDelay(true)
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort, allowHalfOpen: true })
    upstream.setNoDelay(true)
    sockets.add(client).add(upstream)
    const destroyBoth = (): void => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    client.on('error', destroyBoth)
    upstream.on('error', destroyBoth)
    client.on('close', () => setTimeout(destroyBoth, delayMs + 5))
    upstream.on('close', () => setTimeout(destroyBoth, delayMs + 5))
    delayedPipe(client, upstream, delayMs, (n) => (counts.up += n))
    delayedPipe(upstream, client, delayMs, (n) => (counts.down += n))
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(listenPort, '127.0.0.1', () => {
      const addr = server.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      resolve({
        port,
        bytes: () => ({ ...counts }),
        reset: () => {
          counts.up = 0
          counts.down = 0
          counts.connections = 0
        },
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy()
            server.close(() => done())
          }),
      })
    })
  })
}
