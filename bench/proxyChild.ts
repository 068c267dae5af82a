// Entry of the latency proxy's own process, so the device's event loop cannot stretch its delays.
import { startLatencyProxy } from './latencyProxy'

const [targetPort, delayMs] = process.argv.slice(2).map(Number)
const proxy = await startLatencyProxy(targetPort ?? 0, delayMs ?? 0)
process.on('message', (raw) => {
  const m = raw as { type: string }
  if (m.type === 'bytes') process.send?.({ type: 'bytes:ok', ...proxy.bytes() })
  if (m.type === 'reset') {
    proxy.reset()
    process.send?.({ type: 'reset:ok' })
  }
})
process.on('disconnect', () => void proxy.close().then(() => process.exit(0)))
process.send?.({ type: 'ready', port: proxy.port })
