// A Chromium driven over a bare DevTools connection (Page and Runtime, never Network), for the
// first-sync timing. Playwright enables the Network domain on every page, and Chromium then copies each
// WebSocket frame (base64) to the test runner: for a 15 MB feed that cost the page's main thread about
// 450 ms and the browser's about 300 ms here (see firstSync.spec.ts), which no user's device pays.
import { WebSocket } from 'ws'
import { spawnChromium } from '../../tests/e2e/support/browser'

export interface BarePage {
  /** Evaluates `expression` in the page (awaiting a promise) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>
  /** Runs `source` in every document before its own scripts. */
  onNewDocument(source: string): Promise<void>
  goto(url: string): Promise<void>
  close(): Promise<void>
}

interface Reply {
  id?: number
  result?: Record<string, unknown>
  error?: { message: string }
}

export async function openBarePage(userDataDir: string): Promise<BarePage> {
  const { child, wsEndpoint: endpoint, exited } = await spawnChromium(userDataDir)
  const ws = new WebSocket(endpoint, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 })
  await new Promise<void>((ok, fail) => {
    ws.once('open', () => ok())
    ws.once('error', fail)
  })
  let nextId = 1
  const waiting = new Map<number, { ok: (r: Record<string, unknown>) => void; fail: (e: Error) => void }>()
  ws.on('message', (data: Buffer) => {
    const msg = JSON.parse(data.toString()) as Reply
    if (msg.id === undefined) return
    const w = waiting.get(msg.id)
    if (!w) return
    waiting.delete(msg.id)
    if (msg.error) w.fail(new Error(msg.error.message))
    else w.ok(msg.result ?? {})
  })
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((ok, fail) => {
      const id = nextId++
      waiting.set(id, { ok, fail })
      ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }))
    })
  const { targetInfos } = (await send('Target.getTargets')) as { targetInfos: { targetId: string; type: string }[] }
  const target = targetInfos.find((t) => t.type === 'page')
  if (!target) throw new Error('no page target')
  const { sessionId } = (await send('Target.attachToTarget', { targetId: target.targetId, flatten: true })) as { sessionId: string }
  const inPage = (method: string, params: Record<string, unknown> = {}) => send(method, params, sessionId)
  // Page events are what addScriptToEvaluateOnNewDocument needs; none of them carry network traffic.
  await inPage('Page.enable')
  // The benchmark's time zone, as the Playwright profiles have it.
  await inPage('Emulation.setTimezoneOverride', { timezoneId: 'Asia/Seoul' })
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const r = (await inPage('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
        result: { value?: T }
        exceptionDetails?: { text: string; exception?: { description?: string } }
      }
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text)
      return r.result.value as T
    },
    async onNewDocument(source: string): Promise<void> {
      await inPage('Page.addScriptToEvaluateOnNewDocument', { source })
    },
    async goto(url: string): Promise<void> {
      await inPage('Page.navigate', { url })
    },
    async close(): Promise<void> {
      ws.close()
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      await exited
    },
  }
}
