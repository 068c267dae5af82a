import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { FEED_FIRST_PAGE_DOCS, FEED_PAGE_DOCS, MsgType } from '../../../src/sync/protocol'
import { startRelay } from '../../../sync-server/relay'
import { Device, login, newDocName, testRelay, textOf, textUpdate } from './helpers'

const open: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()))
})

describe('durability and the change feed', () => {
  it('an acknowledged push survives a relay restart on the same DATA_DIR', async () => {
    const relay = await testRelay()
    const token = await login(relay.url, 'dong.worker')
    const name = newDocName()
    const d = await Device.connect(relay.url, token)
    const [r] = await d.push([{ name, update: textUpdate('방문 기록: 안부 확인') }])
    expect(r?.ok).toBe(true)
    await d.close()
    await relay.close()

    const again = await startRelay({ dataDir: relay.dataDir, port: 0, log: () => {} })
    open.push(again)
    const d2 = await Device.connect(again.url, token)
    const item = (await d2.feed()).items.find((i) => i.name === name)
    expect(item && textOf([item.update])).toBe('방문 기록: 안부 확인')
    await d2.close()
  })

  it('a feed since a cursor returns only the documents changed after it, as diffs', async () => {
    const relay = await testRelay()
    open.push(relay)
    const token = await login(relay.url, 'hope.worker')
    const a = newDocName()
    const b = newDocName()
    const docA = new Y.Doc()
    const writer = await Device.connect(relay.url, token, 0, 'writer')
    await writer.push([{ name: a, update: textUpdate('가', docA) }, { name: b, update: textUpdate('나') }])
    const first = await Device.connect(relay.url, token, 0, 'reader')
    const full = await first.feed()
    expect(full.items.map((i) => i.name)).toEqual(expect.arrayContaining([a, b]))
    await first.close()

    const [r] = await writer.push([{ name: a, update: textUpdate('다', docA) }])
    expect(r?.ok).toBe(true)
    const again = await Device.connect(relay.url, token, full.done, 'reader')
    expect(again.welcome?.feedTotal).toBe(1)
    const since = await again.feed()
    expect(since.items.map((i) => i.name)).toEqual([a])
    // Only the new part travels: applied on top of the first feed it gives the whole text.
    const firstA = full.items.find((i) => i.name === a)!.update
    expect(textOf([since.items[0]!.update])).not.toBe('가다')
    expect(textOf([firstA, since.items[0]!.update])).toBe('가다')
    await again.close()
    await writer.close()
  })

  it('an interrupted first sync resumed from a page cursor still delivers everything', async () => {
    const relay = await testRelay({ seedDemo: false })
    open.push(relay)
    relay.storage.ensureTeam({ id: 't1', name: '팀' })
    const { hashPassword } = await import('../../../sync-server/auth')
    relay.storage.createUser({ id: 'u1', username: 'w1', role: 'worker', team: 't1', passwordHash: await hashPassword('pass-word-1'), createdAt: 0 })
    const token = await login(relay.url, 'w1', 'pass-word-1')
    const names = Array.from({ length: FEED_PAGE_DOCS + 60 }, () => newDocName())
    const docs = names.map(() => new Y.Doc())
    const writer = await Device.connect(relay.url, token, 0, 'writer')
    await writer.push(names.map((name, i) => ({ name, update: textUpdate(`첫 기록 ${i}`, docs[i]) })))
    // Edit early documents again so their newest update sorts after the first page.
    await writer.push(names.slice(0, 5).map((name, i) => ({ name, update: textUpdate(' 추가', docs[i]) })))
    await writer.close()

    const d1 = await Device.connect(relay.url, token, 0, 'reader')
    const page1 = await d1.waitFor<Extract<typeof d1.messages[number], { type: typeof MsgType.Docs }>>((m) => m.type === MsgType.Docs)
    await d1.close() // interrupted after the first page
    expect(page1.items.length).toBe(FEED_FIRST_PAGE_DOCS)
    const d2 = await Device.connect(relay.url, token, page1.cursor, 'reader')
    const rest = await d2.feed()
    await d2.close()
    const got = new Map<string, Uint8Array[]>()
    for (const it of [...page1.items, ...rest.items]) got.set(it.name, [...(got.get(it.name) ?? []), it.update])
    names.forEach((name, i) => {
      expect(textOf(got.get(name) ?? [])).toBe(docs[i]!.getText('note').toString())
    })
  })

  it('the in-memory storage behaves the same for push and feed', async () => {
    const relay = await testRelay({ storage: 'memory' })
    open.push(relay)
    const token = await login(relay.url, 'dong.worker')
    const name = newDocName()
    const d = await Device.connect(relay.url, token)
    await d.push([{ name, update: textUpdate('메모리') }])
    const d2 = await Device.connect(relay.url, token)
    expect(textOf([(await d2.feed()).items.find((i) => i.name === name)!.update])).toBe('메모리')
    await Promise.all([d.close(), d2.close()])
  })
})
