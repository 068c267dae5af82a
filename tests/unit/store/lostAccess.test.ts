// A case file this user may no longer read leaves the device; what the worker wrote there and the
// relay never took is kept (sealed) as text until dismissed.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createCase, createVisit, setText, getCaseFile } from '../../../src/store'
import { caseDocName } from '../../../src/store/caseDoc'
import { createDexieSyncStore } from '../../../src/store/syncAdapter'
import { dismissLostDoc, listLostDocs } from '../../../src/store/lostAccess'
import { whenAllWritten } from '../../../src/store/docStore'
import { caseInput, useFreshStore } from './helpers'

useFreshStore()

describe('losing access to a case file', () => {
  it('keeps the unsent text of a removed case, and nothing of one the relay had whole', async () => {
    const sync = createDexieSyncStore()
    const synced = await createCase(caseInput({ members: [{ name: '전송됨', isHead: true }] }))
    await whenAllWritten()
    await sync.markAcked((await sync.pendingUpdates(100)).map((p) => p.localId))
    const unsent = await createCase(caseInput({ members: [{ name: '미전송', isHead: true }] }))
    const visitId = await createVisit(unsent, { contact: 'met' })
    await setText(unsent, ['visits', visitId, 'observations'], '전기요금 고지서 세 장, 난방 끊김')
    await whenAllWritten()

    await sync.removeDocs([caseDocName(synced), caseDocName(unsent)])
    expect(await getCaseFile(unsent)).toBeUndefined()
    const lost = await listLostDocs()
    expect(lost.map((d) => d.headName)).toEqual(['미전송'])
    expect(lost[0]?.text).toContain('전기요금 고지서 세 장, 난방 끊김')
    expect(lost[0]?.text).toContain('가구주: 미전송')

    await dismissLostDoc(caseDocName(unsent))
    expect(await listLostDocs()).toEqual([])
  })
})
