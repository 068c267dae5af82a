// After compaction and pruning the log no longer holds what a device with an old cursor lacks: the feed
// must send that document's whole state, not a diff of a log it no longer has (issue 8).
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Device, login, newDocName, testRelay, textOf } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay | null = null
afterEach(async () => {
  await relay?.close()
  relay = null
})

describe.each(['sqlite', 'memory'] as const)('feed after pruning (%s storage)', (storage) => {
  it('a device whose cursor is older than the pruned log receives the whole document', async () => {
    relay = await testRelay({ storage })
    const token = await login(relay.url, 'dong.worker')
    const name = newDocName()
    const author = new Y.Doc()
    const text = author.getText('note')
    const edit = async (d: Device, s: string) => {
      const before = Y.encodeStateVector(author)
      text.insert(text.length, s)
      const [r] = await d.push([{ name, update: Y.encodeStateAsUpdate(author, before) }])
      expect(r?.ok).toBe(true)
    }
    const writer = await Device.connect(relay.url, token, 0, 'writer')
    await writer.feed()
    await edit(writer, '첫 상담. ')

    // The reader syncs now and goes offline with this cursor.
    const reader = await Device.connect(relay.url, token, 0, 'reader')
    const { done: oldCursor, items: first } = await reader.feed()
    expect(textOf(first.filter((i) => i.name === name).map((i) => i.update))).toBe('첫 상담. ')
    await reader.close()

    await edit(writer, '두 번째 방문. ')
    await edit(writer, '세 번째 방문.')
    await writer.close()
    expect(relay.storage.compact(1, 1000)).toBeGreaterThan(0)
    expect(relay.storage.prune(Date.now() + 1000)).toBeGreaterThan(0)
    expect(relay.storage.updatesSince(name, oldCursor)).toEqual([])

    const back = await Device.connect(relay.url, token, oldCursor, 'reader')
    const { items } = await back.feed()
    await back.close()
    const mine = items.filter((i) => i.name === name)
    expect(mine).toHaveLength(1)
    // Applied to the reader's old copy, and on its own: the whole text.
    expect(textOf([...first.filter((i) => i.name === name).map((i) => i.update), mine[0]!.update])).toBe('첫 상담. 두 번째 방문. 세 번째 방문.')
    expect(textOf([mine[0]!.update])).toBe('첫 상담. 두 번째 방문. 세 번째 방문.')
  })

  it('when only older entries were pruned, a device past them still gets what it lacks', async () => {
    relay = await testRelay({ storage })
    const token = await login(relay.url, 'dong.worker')
    const name = newDocName()
    const author = new Y.Doc()
    const text = author.getText('note')
    const writer = await Device.connect(relay.url, token, 0, 'writer')
    await writer.feed()
    const edit = async (s: string) => {
      const before = Y.encodeStateVector(author)
      text.insert(text.length, s)
      expect((await writer.push([{ name, update: Y.encodeStateAsUpdate(author, before) }]))[0]?.ok).toBe(true)
    }
    await edit('가')
    await edit('나')
    expect(relay.storage.compact(1, 1000)).toBeGreaterThan(0)
    expect(relay.storage.prune(Date.now() + 1000)).toBeGreaterThan(0)
    const cursor = relay.storage.headSeq()
    const deviceCopy = Y.encodeStateAsUpdate(author) // what a device at this cursor holds
    await edit('다')
    await writer.close()
    const back = await Device.connect(relay.url, token, cursor, 'reader')
    const { items } = await back.feed()
    await back.close()
    const mine = items.filter((i) => i.name === name)
    expect(mine).toHaveLength(1)
    expect(textOf([deviceCopy, mine[0]!.update])).toBe('가나다')
  })
})
