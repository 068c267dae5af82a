// The relay's list summaries in the feed (protocol 5): computed when a case file's update is stored,
// always for its newest state, sent only beside a whole state and only to devices that read them.
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_DEADLINES, decodeRelaySummary, summarizeCase, todayInSeoul } from '../../../src/domain'
import { caseDocName, readCaseFile, writeNewCase } from '../../../src/store/caseDoc'
import { syntheticCase } from '../../../src/store/demo'
import { MsgType, SUMMARY_PROTOCOL_VERSION } from '../../../src/sync/protocol'
import type { RelayMessage } from '../../../src/sync/protocol'
import { seededRandom } from '../../support/random'
import { Device, login, newDocName, testRelay, textUpdate } from './helpers'

type DocsMsg = Extract<RelayMessage, { type: typeof MsgType.Docs }>

const open: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()))
})

const rand = seededRandom(5)

function newCase(): { doc: Y.Doc; name: string } {
  const cf = syntheticCase(rand, '2026-11-20')
  const doc = new Y.Doc()
  writeNewCase(doc, cf)
  return { doc, name: caseDocName(cf.meta.id) }
}

async function feedPages(url: string, token: string, protocolVersion: number, deviceId: string): Promise<DocsMsg[]> {
  const d = await Device.open(url)
  d.send({ type: MsgType.Hello, protocolVersion, token, deviceId, cursor: 0 })
  await d.waitFor((m) => m.type === MsgType.FeedDone)
  await d.close()
  return d.messages.filter((m): m is DocsMsg => m.type === MsgType.Docs)
}

const summaryIn = (pages: DocsMsg[], name: string) => {
  const body = pages.map((p) => p.summaries?.get(name)).find((s) => s !== undefined)
  return body === undefined ? undefined : decodeRelaySummary(body)
}

describe('list summaries in the change feed', () => {
  it('sends the summary of each case file sent whole, for its newest state, beside it', async () => {
    const relay = await testRelay()
    open.push(relay)
    const token = await login(relay.url, 'dong.worker')
    const writer = await Device.connect(relay.url, token, 0, 'writer')
    const c = newCase()
    const note = newDocName('case') // a document that holds no case file: no summary
    expect((await writer.push([{ name: c.name, update: Y.encodeStateAsUpdate(c.doc) }, { name: note, update: textUpdate('메모') }])).every((r) => r.ok)).toBe(true)
    // A later edit: the summary must describe the state after it, not the first one.
    const sv = Y.encodeStateVector(c.doc)
    c.doc.getMap('household').set('address', '서울특별시 서대문구 연세로 50')
    expect((await writer.push([{ name: c.name, update: Y.encodeStateAsUpdate(c.doc, sv) }]))[0]?.ok).toBe(true)
    await writer.close()

    const pages = await feedPages(relay.url, token, SUMMARY_PROTOCOL_VERSION, 'reader')
    const got = summaryIn(pages, c.name)
    expect(got?.day).toBe(todayInSeoul())
    expect(got?.summary).toEqual(summarizeCase(readCaseFile(c.doc), todayInSeoul(), DEFAULT_DEADLINES))
    expect(got?.summary.address).toContain('연세로 50')
    // Only case files have one, and only documents of the same page carry theirs.
    expect(summaryIn(pages, note)).toBeUndefined()
    for (const p of pages) for (const name of p.summaries?.keys() ?? []) expect(p.items.some((i) => i.name === name)).toBe(true)
  })

  it('an older device gets the same pages without summaries, and reads them', async () => {
    const relay = await testRelay()
    open.push(relay)
    const token = await login(relay.url, 'dong.worker')
    const writer = await Device.connect(relay.url, token, 0, 'writer')
    const c = newCase()
    await writer.push([{ name: c.name, update: Y.encodeStateAsUpdate(c.doc) }])
    await writer.close()
    const pages = await feedPages(relay.url, token, SUMMARY_PROTOCOL_VERSION - 1, 'old-device')
    expect(pages.flatMap((p) => p.items).some((i) => i.name === c.name)).toBe(true)
    expect(pages.every((p) => p.summaries === undefined)).toBe(true)
  })

  it('an update stored without a summary (an admin rollback) clears the stored one', async () => {
    const relay = await testRelay()
    open.push(relay)
    const token = await login(relay.url, 'dong.worker')
    const writer = await Device.connect(relay.url, token, 0, 'writer')
    const c = newCase()
    await writer.push([{ name: c.name, update: Y.encodeStateAsUpdate(c.doc) }])
    await writer.close()
    expect(relay.storage.feedState(c.name).summary).not.toBeNull()
    const sv = Y.encodeStateVector(c.doc)
    c.doc.getMap('meta').set('level', 'intensive')
    relay.storage.appendUpdates([{ name: c.name, update: Y.encodeStateAsUpdate(c.doc, sv), userId: 'admin', deviceId: 'cli', ownerTeam: 'dong-sinchon' }], Date.now())
    expect(relay.storage.feedState(c.name).summary).toBeNull()
    expect(summaryIn(await feedPages(relay.url, token, SUMMARY_PROTOCOL_VERSION, 'reader'), c.name)).toBeUndefined()
  })
})
