import 'fake-indexeddb/auto'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createCase, createDexieSyncStore, createVisit, getCaseFile, setText, updateHousehold } from '../../../src/store'
import { getDb } from '../../../src/store/db'
import { readRows } from '../../../src/store/docStore'
import { caseInput, useFreshStore } from './helpers'
import { readCaseRow } from '../../../src/store/projection'
import { decodeFromStorage } from '../../../src/store/docCodec'

/** A second device's copy of the document, built from what this device stored. */
async function otherDevice(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  for (const r of await readRows(getDb(), name)) Y.applyUpdate(doc, await decodeFromStorage(getDb().key, name, r.bytes))
  return doc
}

describe('two devices editing apart', () => {
  useFreshStore()

  it('keeps both edits of the same text and of different fields after applyRemote', async () => {
    const id = await createCase(caseInput())
    const name = `case/${id}`
    const visitId = await createVisit(id, { contact: 'met' })
    await setText(id, ['visits', visitId, 'observations'], '거실이 춥다.')

    const remote = await otherDevice(name)
    const remoteVector = Y.encodeStateVector(remote)
    // Supervisor at the office: prepends to the note and changes the household phone.
    remote.transact(() => {
      const visit = (remote.getMap('visits').get(visitId) as Y.Map<unknown>).get('observations') as Y.Text
      visit.insert(0, '[팀장] ')
      remote.getMap('household').set('addressDetail', '101호')
    })
    // Worker on the tablet, offline: appends to the same note and sets another field.
    await setText(id, ['visits', visitId, 'observations'], '거실이 춥다. 보일러 고장.')
    await updateHousehold(id, { note: '반지하' })

    const sync = createDexieSyncStore()
    await sync.applyRemote([{ name, update: Y.encodeStateAsUpdate(remote, remoteVector) }])

    const merged = await getCaseFile(id)
    expect(merged?.visits[0]?.observations).toBe('[팀장] 거실이 춥다. 보일러 고장.')
    expect(merged?.household.addressDetail).toBe('101호')
    expect(merged?.household.note).toBe('반지하')

    // And the other device converges to the same state when it receives ours.
    const local = new Y.Doc()
    for (const r of await readRows(getDb(), name)) Y.applyUpdate(local, await decodeFromStorage(getDb().key, name, r.bytes))
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(local, Y.encodeStateVector(remote)))
    const remoteText = ((remote.getMap('visits').get(visitId) as Y.Map<unknown>).get('observations') as Y.Text).toString()
    expect(remoteText).toBe('[팀장] 거실이 춥다. 보일러 고장.')
  })

  it('applies a relay update to a document that is not open and refreshes its projection', async () => {
    const id = await createCase(caseInput())
    const name = `case/${id}`
    const remote = await otherDevice(name)
    const sv = Y.encodeStateVector(remote)
    const members = remote.getMap('members')
    for (const m of members.values()) {
      const map = m as Y.Map<unknown>
      if (map.get('isHead')) map.set('name', '김민준')
    }
    // Forget the doc from memory first: the store must rebuild it from its rows to project.
    const { reopen } = await import('./helpers')
    await reopen()
    await createDexieSyncStore().applyRemote([{ name, update: Y.encodeStateAsUpdate(remote, sv) }])
    const row = await readCaseRow(id)
    expect(row?.summary.headName).toBe('김민준')
    expect((await getCaseFile(id))?.members[0]?.name).toBe('김민준')
  })
})
