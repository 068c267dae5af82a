import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ErrorCode, MsgType, encodeMessage } from '../../../src/sync/protocol'
import { Device, login, newDocName, openYjs, testRelay, textOf, textUpdate } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay
let token: string
let name: string

beforeAll(async () => {
  relay = await testRelay()
  token = await login(relay.url, 'hope.worker')
  name = newDocName()
  const d = await Device.connect(relay.url, token)
  await d.push([{ name, update: textUpdate('원본 기록') }])
  await d.close()
})
afterAll(() => relay.close())

async function stillIntact(): Promise<void> {
  expect(textOf([relay.storage.mergedState(name)!])).toBe('원본 기록')
  const d = await Device.connect(relay.url, await login(relay.url, 'hope.worker'))
  const item = (await d.feed()).items.find((i) => i.name === name)
  expect(item && textOf([item.update])).toBe('원본 기록')
  await d.close()
}

describe('bad input on /sync', () => {
  it('a malformed frame gets a non-fatal bad-message error; repeated abuse disconnects', async () => {
    const d = await Device.connect(relay.url, token)
    d.sendRaw(new Uint8Array([0xff, 0xff, 0xff]))
    await d.waitFor((m) => m.type === MsgType.Error && m.code === ErrorCode.BadMessage && !m.fatal)
    d.send({ type: MsgType.Ping, t: 42 })
    await d.waitFor((m) => m.type === MsgType.Pong && m.t === 42)
    d.sendRaw('text frame')
    d.sendRaw(encodeMessage({ type: MsgType.FeedDone, cursor: 1 })) // a relay-only message
    for (let i = 0; i < 5; i++) d.sendRaw(new Uint8Array([6, 1, 200]))
    await d.waitFor((m) => m.type === MsgType.Error && m.fatal)
    await d.waitFor(() => false, 0, 2000).catch(() => undefined)
    expect(d.closeCode).toBe(4400)
    await stillIntact()
  })

  it('garbage Yjs updates, forged names and oversize updates are refused per item; good ones are stored', async () => {
    const d = await Device.connect(relay.url, token)
    const good = newDocName()
    const results = await d.push([
      { name, update: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]) },
      { name: 'case/../../etc/passwd', update: textUpdate('x') },
      { name: 'case/NOT-A-UUID', update: textUpdate('x') },
      { name, update: new Uint8Array(4 * 1024 * 1024 + 1) },
      { name: good, update: textUpdate('정상') },
    ])
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual([
      ErrorCode.BadUpdate, ErrorCode.BadMessage, ErrorCode.BadMessage, ErrorCode.TooLarge, 'ok',
    ])
    for (const r of results) if (!r.ok) expect(r.message).toMatch(/[가-힣]/)
    expect(textOf([relay.storage.mergedState(good)!])).toBe('정상')
    await d.close()
    await stillIntact()
  })

  it('a device too old for the protocol is told to update, kindly and fatally', async () => {
    const d = await Device.open(relay.url)
    d.send({ type: MsgType.Hello, protocolVersion: 0, token, deviceId: 'old', cursor: 0 })
    const err = await d.waitFor((m) => m.type === MsgType.Error)
    expect(err).toMatchObject({ code: ErrorCode.Version, fatal: true })
    expect((err as { message: string }).message).toMatch(/업데이트/)
  })

  it('a version-1 device is still served, answered in its own format', async () => {
    const d = await Device.open(relay.url)
    d.send({ type: MsgType.Hello, protocolVersion: 1, token, deviceId: 'weeks-offline', cursor: 0 })
    const done = await d.waitFor((m) => m.type === MsgType.FeedDone || m.type === MsgType.Error)
    expect(done.type).toBe(MsgType.FeedDone)
    expect(d.welcome).toMatchObject({ protocolVersion: 1 })
    expect(d.welcome?.epoch).toBeUndefined()
    await d.close()
  })

  it('a frame before Hello is refused', async () => {
    const d = await Device.open(relay.url)
    d.send({ type: MsgType.Push, batchId: 1, items: [{ localId: 1, name, update: textUpdate('몰래') }] })
    await d.waitFor((m) => m.type === MsgType.Error && m.code === ErrorCode.Unauthorized)
    await stillIntact()
  })
})

describe('bad input on /yjs', () => {
  it('garbage messages close the connection with 4400; forged names are refused at the upgrade', async () => {
    const { ws } = await openYjs(relay.url, name, token)
    const code = await new Promise<number>((resolve) => {
      ws!.on('close', (c) => resolve(c))
      ws!.send(new Uint8Array([0, 2, 5, 1, 2, 3, 4, 5])) // sync update with garbage inside
    })
    expect(code).toBe(4400)
    expect((await openYjs(relay.url, 'case%2F..%2F..%2Fx', token)).status).toBe(400)
    expect((await openYjs(relay.url, 'other/thing', token)).status).toBe(400)
    await stillIntact()
  })
})
