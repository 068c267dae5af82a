// Feed pages are cut by bytes as well as by documents: no frame may pass the device's MAX_FRAME_BYTES,
// and a document larger than a page's budget reaches a new device in pieces that merge into all of it.
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MAX_FRAME_BYTES, MsgType } from '../../../src/sync/protocol'
import { FEED_PAGE_BYTES } from '../../../sync-server/feedPlan'
import { setLimits } from '../../../sync-server/limits'
import { makeDevice, settled } from '../../support/syncDevice'
import { Device, login, newDocName, testRelay, textOf, wsUrl } from './helpers'

const open: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()))
})

/** Korean text: 3 bytes a character, as a case worker's notes are. */
const chunk = (n: number, tag: string) => `${tag}:` + '가족관계와 주거 상황을 확인함. '.repeat(Math.ceil(n / 19)).slice(0, n)

describe('feed pages within the frame limit', () => {
  it('a 4.5 million character case file and its neighbours reach a new device whole, every frame under the limit', async () => {
    const relay = await testRelay()
    open.push(relay)
    setLimits(relay.storage, { maxDocBytes: 64 * 1024 * 1024 }) // a file from before the size limit
    const token = await login(relay.url, 'dong.worker')
    const writer = await Device.connect(relay.url, token)
    const big = newDocName()
    const doc = new Y.Doc()
    for (let i = 0; i < 6; i++) {
      const before = Y.encodeStateVector(doc)
      doc.getText('note').insert(doc.getText('note').length, chunk(900_000, `part${i}`))
      const [r] = await writer.push([{ name: big, update: Y.encodeStateAsUpdate(doc, before) }])
      expect(r?.ok).toBe(true)
    }
    const expected = doc.getText('note').toString()
    expect(expected.length).toBeGreaterThan(4_500_000)
    const small: { name: string; text: string }[] = []
    for (let i = 0; i < 3; i++) {
      const d = new Y.Doc()
      const text = chunk(400_000, `small${i}`)
      d.getText('note').insert(0, text)
      const name = newDocName()
      small.push({ name, text })
      expect((await writer.push([{ name, update: Y.encodeStateAsUpdate(d) }]))[0]?.ok).toBe(true)
    }
    await writer.close()

    // A raw device: every frame's size, and the feed's items.
    const sizes: number[] = []
    const reader = await Device.open(relay.url)
    reader.ws.on('message', (data: Buffer) => sizes.push(data.byteLength))
    reader.send({ type: MsgType.Hello, protocolVersion: 4, token, deviceId: 'feed-bytes', cursor: 0 })
    const feed = await reader.feed()
    expect(Math.max(...sizes)).toBeLessThanOrEqual(FEED_PAGE_BYTES + 1024)
    expect(Math.max(...sizes)).toBeLessThan(MAX_FRAME_BYTES)
    const pieces = feed.items.filter((i) => i.name === big)
    expect(pieces.length).toBeGreaterThan(1)
    expect(textOf(pieces.map((p) => p.update))).toBe(expected)
    for (const s of small) expect(textOf(feed.items.filter((i) => i.name === s.name).map((i) => i.update))).toBe(s.text)
    // Cursors never pass a document not yet complete, and end at the head.
    expect([...feed.cursors].sort((a, b) => a - b)).toEqual(feed.cursors)
    expect(feed.cursors.at(-1)).toBe(feed.done)
    await reader.close()

    // The device engine stores each piece; it ends with the whole file.
    const device = makeDevice(`${wsUrl(relay.url)}/sync`, token)
    device.engine.start()
    try {
      await settled(device, 'new device', 60_000)
      expect(device.store.doc(big).getText('note').toString()).toBe(expected)
      for (const s of small) expect(device.store.doc(s.name).getText('note').toString()).toBe(s.text)
    } finally {
      device.engine.close()
    }
  }, 90_000)
})
