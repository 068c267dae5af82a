// TOKEN_IDLE_SECONDS (개인정보의 안전성 확보조치 기준 제6조④): a session unused that long is refused, and
// each batch counts as use. A 2-second idle limit here; the default is 1800.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ErrorCode, MsgType } from '../../../src/sync/protocol'
import { Device, login, newDocName, testRelay, textUpdate } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay
const before = process.env.TOKEN_IDLE_SECONDS

beforeAll(async () => {
  process.env.TOKEN_IDLE_SECONDS = '2'
  relay = await testRelay({ accessPollMs: 600_000 })
})
afterAll(async () => {
  await relay.close()
  if (before === undefined) delete process.env.TOKEN_IDLE_SECONDS
  else process.env.TOKEN_IDLE_SECONDS = before
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

it('keeps a session alive while it sends batches and refuses it after 2 idle seconds', async () => {
  const token = await login(relay.url, 'dong.worker')
  const d = await Device.connect(relay.url, token)
  await d.feed()
  const name = newDocName()
  for (let i = 0; i < 3; i++) {
    await sleep(1200) // 3.6 s in all, but never 2 s without a batch
    expect((await d.push([{ name, update: textUpdate(`기록 ${i}`) }]))[0]).toMatchObject({ ok: true })
  }
  await sleep(2300)
  const from = d.messages.length
  d.send({ type: MsgType.Push, batchId: 50, items: [{ localId: 1, name, update: textUpdate('늦은 기록') }] })
  const err = await d.waitFor((m) => m.type === MsgType.Error, from).catch(() => null)
  expect(err).toMatchObject({ code: ErrorCode.Unauthorized, fatal: true })
  expect((await fetch(`${relay.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401)
})
