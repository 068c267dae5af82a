// Document size, daily quota, message rates and connection caps on a real relay: each refusal is a clear
// Korean message and an access record, and honest traffic at the defaults is never limited.
import { afterEach, describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { ErrorCode, MsgType } from '../../../src/sync/protocol'
import type { RelayMessage } from '../../../src/sync/protocol'
import { setLimits } from '../../../sync-server/limits'
import { Device, login, newDocName, openYjs, testRelay, textUpdate } from './helpers'

const open: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()))
})

async function relayWith(config: Parameters<typeof setLimits>[1]) {
  const relay = await testRelay()
  open.push(relay)
  setLimits(relay.storage, config)
  return relay
}

const refusedRows = (relay: Awaited<ReturnType<typeof testRelay>>, detail: string) =>
  relay.storage.queryAudit({}).filter((r) => r.action === 'refused' && r.detail === detail)

function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
}

const errors = (d: Device) => d.messages.filter((m): m is Extract<RelayMessage, { type: typeof MsgType.Error }> => m.type === MsgType.Error)

describe('relay limits', () => {
  it('refuses a push that would take a document past MAX_DOC_BYTES, per update, and records it', async () => {
    const relay = await relayWith({ maxDocBytes: 64 * 1024 })
    const token = await login(relay.url, 'dong.worker')
    const d = await Device.connect(relay.url, token)
    const name = newDocName()
    const doc = new Y.Doc()
    const first = textUpdate('가'.repeat(15_000), doc)
    const second = textUpdate('나'.repeat(15_000), doc)
    const other = newDocName()
    const [a] = await d.push([{ name, update: first }])
    expect(a?.ok).toBe(true)
    const [b, c] = await d.push([{ name, update: second }, { name: other, update: textUpdate('작은 기록') }])
    expect(b).toMatchObject({ ok: false, code: ErrorCode.TooLarge })
    expect(b && !b.ok && b.message).toContain('최대 크기')
    expect(c?.ok).toBe(true) // only the item over the limit is refused
    await d.close()
    await new Promise((r) => setTimeout(r, 50))
    expect(refusedRows(relay, 'limit=doc-size').map((r) => r.doc)).toEqual([name])
  })

  it('refuses pushes past the account’s daily quota with a Korean reason and an access record', async () => {
    const relay = await relayWith({ userQuotaBytes: 100 * 1024 })
    const token = await login(relay.url, 'dong.worker')
    const d = await Device.connect(relay.url, token)
    const results = []
    for (let i = 0; i < 4; i++) results.push(...(await d.push([{ name: newDocName(), update: textUpdate('다'.repeat(10_000)) }])))
    expect(results.slice(0, 3).every((r) => r.ok)).toBe(true)
    expect(results[3]).toMatchObject({ ok: false, code: ErrorCode.TooLarge })
    expect(results[3] && !results[3].ok && results[3].message).toContain('오늘 이 계정이')
    // Another account is not affected.
    const other = await Device.connect(relay.url, await login(relay.url, 'hope.worker'))
    expect((await other.push([{ name: newDocName(), update: textUpdate('라') }]))[0]?.ok).toBe(true)
    await Promise.all([d.close(), other.close()])
    await new Promise((r) => setTimeout(r, 50))
    expect(refusedRows(relay, 'limit=quota')).toHaveLength(1)
  })

  it('answers /sync requests beyond the rate with a non-fatal Korean error, then an empty answer to retry', async () => {
    const relay = await relayWith({ syncPerMinute: 60 })
    const token = await login(relay.url, 'dong.worker')
    const d = await Device.connect(relay.url, token)
    await d.feed()
    for (let i = 1; i <= 63; i++) d.send({ type: MsgType.SvSync, requestId: i, items: [] })
    await d.waitFor((m) => m.type === MsgType.Diff && m.requestId === 63, 0, 5000) // the refused ones, answered late
    const errs = errors(d)
    expect(errs).toHaveLength(3)
    for (const e of errs) {
      expect(e.fatal).toBe(false)
      expect(e.message).toContain('요청이 너무 잦습니다')
    }
    expect(d.closeCode).toBeNull()
    await d.close()
    await new Promise((r) => setTimeout(r, 50))
    expect(refusedRows(relay, 'limit=rate')).toHaveLength(3)
  })

  it('closes a /yjs connection past its message rate with 4429 and a reason', async () => {
    const relay = await relayWith({ yjsPerMinute: 5 })
    const token = await login(relay.url, 'dong.worker')
    const { ws } = await openYjs(relay.url, newDocName(), token)
    expect(ws).not.toBeNull()
    const end = closed(ws!)
    for (let i = 0; i < 10; i++) ws!.send(new Uint8Array([3])) // query awareness
    const { code, reason } = await end
    expect(code).toBe(4429)
    expect(reason).toContain('요청이 너무 잦아')
    expect(refusedRows(relay, 'limit=rate').length).toBeGreaterThan(0)
  })

  it('closes a /yjs connection whose update would pass MAX_DOC_BYTES with 4413', async () => {
    const relay = await relayWith({ maxDocBytes: 8 * 1024 })
    const token = await login(relay.url, 'dong.worker')
    const name = newDocName()
    const { ws } = await openYjs(relay.url, name, token)
    const end = closed(ws!)
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, 2)
    encoding.writeVarUint8Array(e, textUpdate('마'.repeat(5000)))
    ws!.send(encoding.toUint8Array(e))
    expect((await end).code).toBe(4413)
    expect(relay.storage.mergedState(name)).toBeNull()
  })

  it('caps connections per account: the next /sync Hello and /yjs socket are refused clearly', async () => {
    const relay = await relayWith({ maxConnectionsPerUser: 2 })
    const token = await login(relay.url, 'dong.worker')
    const a = await Device.connect(relay.url, token, 0, 'a')
    const b = await Device.connect(relay.url, token, 0, 'b')
    const c = await Device.connect(relay.url, token, 0, 'c')
    const [err] = errors(c)
    expect(err?.message).toContain('연결이 너무 많습니다')
    await c.waitFor(() => c.closeCode !== null).catch(() => undefined)
    expect(c.closeCode).toBe(4429)
    const { ws } = await openYjs(relay.url, newDocName(), token)
    expect((await closed(ws!)).code).toBe(4429)
    await a.close()
    const again = await Device.connect(relay.url, token, 0, 'c') // a slot came free
    expect(again.welcome).toBeDefined()
    await Promise.all([b.close(), again.close()])
    await new Promise((r) => setTimeout(r, 50))
    expect(refusedRows(relay, 'limit=connections')).toHaveLength(2)
  })

  it('lets honest bursts through at the defaults: 2,000 documents pushed and fed back without a refusal', async () => {
    const relay = await testRelay()
    open.push(relay)
    const token = await login(relay.url, 'dong.worker')
    const d = await Device.connect(relay.url, token)
    const pushes = []
    for (let b = 0; b < 10; b++) {
      pushes.push(d.push(Array.from({ length: 200 }, () => ({ name: newDocName(), update: textUpdate('방문 기록: 안부 확인. '.repeat(20)) }))))
    }
    const results = (await Promise.all(pushes)).flat()
    expect(results.filter((r) => !r.ok)).toEqual([])
    const fresh = await Device.connect(relay.url, token, 0, 'fresh')
    expect((await fresh.feed()).items.length).toBeGreaterThanOrEqual(2000)
    expect([...errors(d), ...errors(fresh)]).toEqual([])
    await Promise.all([d.close(), fresh.close()])
  }, 30_000)
})
