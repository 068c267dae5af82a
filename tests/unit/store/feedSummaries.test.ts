// A first sync lists case files from the relay's summaries (no Y.Doc built per case) when it can use
// them, and projects the case itself whenever it cannot: a summary of another case, a malformed or
// foreign-format one, one for a document the device already holds, and due flags for another day.
import 'fake-indexeddb/auto'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { DEFAULT_DEADLINES, encodeRelaySummary, summarizeCase, todayInSeoul } from '../../../src/domain'
import type { CaseFile, CaseSummary } from '../../../src/domain'
import { createDexieSyncStore } from '../../../src/store'
import { caseDocName, readCaseFile, writeNewCase } from '../../../src/store/caseDoc'
import { getDb } from '../../../src/store/db'
import { syntheticCase } from '../../../src/store/demo'
import { readRows, whenAllWritten } from '../../../src/store/docStore'
import { readCaseRow } from '../../../src/store/projection'
import { refreshStaleProjections } from '../../../src/store/rebuild'
import { seededRandom } from '../../support/random'
import { useFreshStore } from './helpers'

const rand = seededRandom(41)

function remoteCase(): { cf: CaseFile; name: string; update: Uint8Array; summary: CaseSummary } {
  const cf = syntheticCase(rand, '2026-11-20')
  const doc = new Y.Doc()
  writeNewCase(doc, cf)
  const summary = summarizeCase(readCaseFile(doc), todayInSeoul(), DEFAULT_DEADLINES)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return { cf, name: caseDocName(cf.meta.id), update, summary }
}

describe('relay summaries in a first sync', () => {
  useFreshStore()

  it('lists a new case from the relay summary as it came, due flags current for today', async () => {
    const c = remoteCase()
    // A recognisable head name shows the row came from the summary, not from rebuilding the document.
    const relay = { ...c.summary, headName: '요약에서온이름' }
    const sync = createDexieSyncStore()
    await (await sync.applyFeedPage!([{ name: c.name, update: c.update }], 3, undefined, new Map([[c.name, encodeRelaySummary(relay, todayInSeoul())]]))).stored
    const row = await readCaseRow(c.cf.meta.id)
    expect(row?.summary).toEqual(relay)
    expect(row?.dueDay).toBe(todayInSeoul())
    // The update rows are stored all the same: the case opens from them.
    expect(await readRows(getDb(), c.name)).toHaveLength(1)
  })

  it('projects the case itself for a summary it cannot use', async () => {
    const [a, b, c, d] = [remoteCase(), remoteCase(), remoteCase(), remoteCase()]
    const other = encodeRelaySummary({ ...b.summary, id: a.cf.meta.id, headName: '다른사례' }, todayInSeoul())
    const summaries = new Map([
      [a.name, encodeRelaySummary({ ...a.summary, headName: '엉뚱한사례' }, todayInSeoul()).replace(a.cf.meta.id, b.cf.meta.id)],
      [b.name, other],
      [c.name, '{"f":1,"day":"2026-11-29","s":{"id":"x"}}'],
      [d.name, JSON.stringify({ f: 999, day: todayInSeoul(), s: d.summary })],
    ])
    const sync = createDexieSyncStore()
    const items = [a, b, c, d].map((x) => ({ name: x.name, update: x.update }))
    await (await sync.applyFeedPage!(items, 7, undefined, summaries)).stored
    for (const x of [a, b, c, d]) expect((await readCaseRow(x.cf.meta.id))?.summary).toEqual(x.summary)
  })

  it('ignores the summary of a case the device already holds: the page is merged into its rows', async () => {
    const c = remoteCase()
    const sync = createDexieSyncStore()
    await (await sync.applyFeedPage!([{ name: c.name, update: c.update }], 2)).stored
    await (await sync.applyFeedPage!([{ name: c.name, update: c.update }], 4, 2, new Map([[c.name, encodeRelaySummary({ ...c.summary, headName: '무시될이름' }, todayInSeoul())]]))).stored
    expect((await readCaseRow(c.cf.meta.id))?.summary).toEqual(c.summary)
  })

  it('a summary computed on another day is listed, then its due flags are recomputed for today', async () => {
    const c = remoteCase()
    const stale = { ...c.summary, due: { ...c.summary.due, followUpDue: !c.summary.due.followUpDue } }
    const sync = createDexieSyncStore()
    await (await sync.applyFeedPage!([{ name: c.name, update: c.update }], 3, undefined, new Map([[c.name, encodeRelaySummary(stale, '2026-01-02')]]))).stored
    await whenAllWritten()
    // The refresh the page scheduled (or this one, whichever runs first) leaves today's flags.
    await refreshStaleProjections()
    const row = await readCaseRow(c.cf.meta.id)
    expect(row?.dueDay).toBe(todayInSeoul())
    expect(row?.summary.due).toEqual(c.summary.due)
  })
})
