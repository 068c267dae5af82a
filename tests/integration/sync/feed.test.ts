// The change feed: an interrupted first sync resumes from its committed cursor, and a reconnect
// receives only the documents that changed meanwhile.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { FEED_FIRST_PAGE_DOCS, FEED_PAGE_DOCS } from '../../../src/sync/protocol'
import { startTestRelay, type TestRelay } from '../../support/relay'
import { makeDevice, settled, type TestDevice } from '../../support/syncDevice'
import { login } from '../../support/users'
import { waitFor } from '../../support/wait'

let relay: TestRelay
const devices: TestDevice[] = []
beforeEach(async () => {
  relay = await startTestRelay()
})
afterEach(async () => {
  for (const d of devices.splice(0)) d.engine.close()
  await relay.dispose()
})

async function seededWriter(docs: number): Promise<{ writer: TestDevice; names: string[]; token: string }> {
  const { token } = await login(relay.httpUrl, 'dong.worker')
  const writer = makeDevice(relay.syncUrl, token)
  devices.push(writer)
  const names = Array.from({ length: docs }, () => `case/${crypto.randomUUID()}`)
  for (const [i, n] of names.entries()) writer.store.edit(n, (doc) => doc.getMap('household').set('address', `서울 마포구 ${i}번지`))
  writer.engine.start()
  await settled(writer, 'writer', 30_000)
  return { writer, names, token }
}

describe('change feed', () => {
  it('an interrupted first sync resumes from the committed cursor without re-sending pages', async () => {
    const { writer, names } = await seededWriter(FEED_PAGE_DOCS * 2 + 50)
    const reader = makeDevice(relay.syncUrl, (await login(relay.httpUrl, 'dong.supervisor')).token)
    devices.push(reader)
    // Cut the connection as soon as the first page is committed.
    const setCursor = reader.store.setCursor.bind(reader.store)
    reader.store.setCursor = async (c) => {
      await setCursor(c)
      if (reader.store.log.filter((l) => l.startsWith('cursor:')).length === 1) reader.engine.stop()
    }
    reader.engine.start()
    await waitFor(() => reader.engine.status.get().state === 'offline' && reader.store.cursor > 0, 'first page committed, then cut')
    const firstSession = reader.store.received.map((r) => r.name)
    const total = reader.engine.status.get().total
    expect(firstSession.length).toBeGreaterThanOrEqual(FEED_FIRST_PAGE_DOCS)
    expect(firstSession.length).toBeLessThan(total)

    reader.engine.start()
    await settled(reader, 'reader')
    const secondSession = reader.store.received.slice(firstSession.length).map((r) => r.name)
    // Resumed: no document of the first session came again, and together they are the whole feed.
    expect(secondSession.filter((n) => firstSession.includes(n))).toEqual([])
    expect(firstSession.length + secondSession.length).toBe(total)
    for (const n of names) expect(reader.store.doc(n).getMap('household').toJSON()).toEqual(writer.store.doc(n).getMap('household').toJSON())
  })

  it('a reconnect after 20 of N documents changed receives only those 20', async () => {
    const { writer, names } = await seededWriter(300)
    const reader = makeDevice(relay.syncUrl, (await login(relay.httpUrl, 'dong.supervisor')).token)
    devices.push(reader)
    reader.engine.start()
    await settled(reader, 'reader first sync', 30_000)
    expect(reader.store.received.length).toBeGreaterThanOrEqual(300)
    reader.engine.stop()

    const changed = names.slice(100, 120)
    for (const n of changed) writer.store.edit(n, (doc) => doc.getMap('household').set('phone', '010-2026-1121'))
    await settled(writer, 'writer pushed 20')

    const before = reader.store.received.length
    reader.engine.start()
    await settled(reader, 'reader reconnect')
    const got = reader.store.received.slice(before).map((r) => r.name)
    expect(reader.engine.status.get().total).toBe(20)
    expect(got.length).toBe(20)
    expect([...new Set(got)].sort()).toEqual([...changed].sort())
    for (const n of changed) expect(reader.store.doc(n).getMap('household').get('phone')).toBe('010-2026-1121')
    expect(Y.encodeStateVector(reader.store.doc(names[0]!))).toEqual(Y.encodeStateVector(writer.store.doc(names[0]!)))
  })
})
