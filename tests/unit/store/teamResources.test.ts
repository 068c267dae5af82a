// The team's resource directory and 협력회의 in the team document: built-ins overridden by edits, every
// row and meeting editable, deletable and put back; edits made apart on two devices merge; rows of the
// old per-device table move into the team document once.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SEED_RESOURCES } from '../../../src/domain'
import {
  addMeeting, addResource, deleteMeeting, deleteResource, listMeetings, listResources, onResourcesChange, restoreMeeting,
  restoreResource, setSession, updateMeeting, updateResource, ValidationError,
} from '../../../src/store'
import type { ResourceInput } from '../../../src/store'
import { getDb } from '../../../src/store/db'
import { openDoc, whenAllWritten } from '../../../src/store/docStore'
import { LOCAL_TEAM, teamDocNameHere } from '../../../src/store/resources'
import { readEntries, teamDocName } from '../../../src/store/teamDoc'
import { reopen, useFreshStore } from './helpers'

const FOOD: ResourceInput = {
  name: '푸드뱅크', target: '저소득 가구', content: '식품 지원', provider: '구 푸드뱅크', domain: 'economy', sector: 'private', kind: 'material',
}
const visitHealth = SEED_RESOURCES.find((r) => r.id === 'seed-visit-health')!
const inputOf = ({ id: _id, builtIn: _b, ...rest }: (typeof SEED_RESOURCES)[number]): ResourceInput => rest

describe('resource directory in the team document', () => {
  useFreshStore()

  it('lists the built-ins first, then the team’s own in 가나다 order, and keeps them across a reopen', async () => {
    await addResource({ ...FOOD, name: '희망 나눔' })
    await addResource(FOOD)
    expect(await teamDocNameHere()).toBe(teamDocName(LOCAL_TEAM))
    await reopen()
    const list = await listResources()
    expect(list).toHaveLength(SEED_RESOURCES.length + 2)
    expect(list.slice(0, SEED_RESOURCES.length).every((r) => r.builtIn)).toBe(true)
    expect(list.slice(SEED_RESOURCES.length).map((r) => [r.name, r.builtIn])).toEqual([['푸드뱅크', false], ['희망 나눔', false]])
    expect(list.find((r) => r.id === 'seed-visit-health')).toMatchObject({ sector: 'public', kind: 'human' })
  })

  it('edits a built-in row: the override is stored under its seed id and shown instead of the seed', async () => {
    await updateResource(visitHealth.id, { ...inputOf(visitHealth), contactName: '김보건 주무관', contactPhone: '02-330-1234' })
    const row = (await listResources()).find((r) => r.id === visitHealth.id)
    expect(row).toMatchObject({ name: '방문건강관리서비스', builtIn: true, contactName: '김보건 주무관', contactPhone: '023301234' })
    expect((await listResources()).filter((r) => r.id === visitHealth.id)).toHaveLength(1)
    const doc = await openDoc(teamDocName(LOCAL_TEAM))
    expect(readEntries(doc, 'resources').get(visitHealth.id)).toMatchObject({ provider: '보건소', contactPhone: '023301234' })
    // clearing the contact removes it again
    await updateResource(visitHealth.id, inputOf(visitHealth))
    expect((await listResources()).find((r) => r.id === visitHealth.id)?.contactPhone).toBeUndefined()
  })

  it('refuses a bad phone with a Korean message and leaves the row as it was', async () => {
    const id = await addResource(FOOD)
    await expect(updateResource(id, { ...FOOD, contactPhone: '12' })).rejects.toThrow('전화번호 형식이 올바르지 않습니다.')
    expect((await listResources()).find((r) => r.id === id)?.contactPhone).toBeUndefined()
  })

  it('deletes a built-in and an own row, and undo brings each back as it was', async () => {
    const id = await addResource(FOOD)
    const before = await listResources()
    const removedSeed = await deleteResource(visitHealth.id)
    const removedOwn = await deleteResource(id)
    const after = await listResources()
    expect(after.map((r) => r.id)).not.toContain(visitHealth.id)
    expect(after.map((r) => r.id)).not.toContain(id)
    await expect(updateResource(id, FOOD)).rejects.toBeInstanceOf(ValidationError)
    await restoreResource(removedSeed)
    await restoreResource(removedOwn)
    expect(await listResources()).toEqual(before)
  })

  it('writes into the signed-in team’s document, where the rows of this device’s old table are copied too', async () => {
    await getDb().resources.put({ id: 'old-2', name: '이동 세탁', target: '', content: '', provider: '세탁나눔', domain: 'health', builtIn: false })
    await addResource(FOOD) // before sign-in: the local document
    await setSession({ token: 't', user: { id: 'u1', username: 'dong.worker', role: 'worker', team: 'dong-sinchon' } })
    expect(await teamDocNameHere()).toBe(teamDocName('dong-sinchon'))
    const id = await addResource({ ...FOOD, name: '이동 목욕' })
    const team = readEntries(await openDoc(teamDocName('dong-sinchon')), 'resources')
    expect([...team.keys()].sort()).toEqual([id, 'old-2'].sort())
    expect((await listResources()).map((r) => r.name)).not.toContain('푸드뱅크')
  })

  it('tells listeners about its own writes', async () => {
    let calls = 0
    const stop = onResourcesChange(() => calls++)
    await addResource(FOOD)
    await whenAllWritten()
    stop()
    expect(calls).toBeGreaterThan(0)
  })

  it('records, edits, deletes and restores 협력회의, newest first', async () => {
    const food = await addResource(FOOD)
    const older = await addMeeting({ date: '2026-10-02', providers: [{ name: '보건소', resourceId: 'seed-visit-health' }], attendees: ['김복지'], notes: '' })
    const newer = await addMeeting({ date: '2026-11-05', providers: [{ resourceId: food, name: '구 푸드뱅크' }, { name: '동 행정복지센터' }], attendees: ['김복지', '이담당'], notes: '분기 회의' })
    expect((await listMeetings()).map((m) => m.id)).toEqual([newer, older])
    await updateMeeting(older, { date: '2026-10-03', providers: [{ name: '보건소' }], attendees: [], notes: '일정 변경' })
    expect((await listMeetings())[1]).toEqual({ id: older, date: '2026-10-03', providers: [{ name: '보건소' }], attendees: [], notes: '일정 변경' })
    await expect(addMeeting({ date: '2026-11-06', providers: [], attendees: [], notes: '' })).rejects.toThrow('참여 기관을 하나 이상')
    const removed = await deleteMeeting(newer)
    expect((await listMeetings()).map((m) => m.id)).toEqual([older])
    await restoreMeeting(removed)
    expect((await listMeetings()).find((m) => m.id === newer)).toMatchObject({ notes: '분기 회의', attendees: ['김복지', '이담당'] })
  })

  it('copies the rows of the old per-device table into the team document once', async () => {
    const db = getDb()
    await db.resources.bulkPut([
      { ...visitHealth },
      { id: 'old-1', name: '무료 법률상담', target: '', content: '', provider: '법률홈닥터', domain: 'legal', builtIn: false },
    ])
    const list = await listResources()
    expect(list.filter((r) => r.id === 'old-1')).toMatchObject([{ name: '무료 법률상담', builtIn: false }])
    expect(list).toHaveLength(SEED_RESOURCES.length + 1)
    const removed = await deleteResource('old-1')
    await reopen()
    expect((await listResources()).map((r) => r.id)).not.toContain('old-1') // not copied again
    await restoreResource(removed)
    expect((await listResources()).map((r) => r.id)).toContain('old-1')
    expect(await getDb().resources.count()).toBe(2) // the old table is left alone
  })
})

describe('team document merge', () => {
  useFreshStore()

  it('two devices edit apart (a built-in’s phone here, its target there, plus a new row) and keep every edit', async () => {
    await addResource(FOOD)
    const name = teamDocName(LOCAL_TEAM)
    const here = await openDoc(name)
    const there = new Y.Doc()
    Y.applyUpdate(there, Y.encodeStateAsUpdate(here))
    // the other device edits the same built-in's target after both already had its override
    await updateResource(visitHealth.id, { ...inputOf(visitHealth), contactName: '김보건' })
    Y.applyUpdate(there, Y.encodeStateAsUpdate(here))
    const svBefore = Y.encodeStateVector(here)
    const otherEntry = there.getMap<Y.Map<unknown>>('resources').get(visitHealth.id)!
    there.transact(() => otherEntry.set('target', '65세 이상 만성질환자'))
    await updateResource(visitHealth.id, { ...inputOf(visitHealth), contactName: '김보건', contactPhone: '02-330-1234' })
    const ownId = await addResource({ ...FOOD, name: '이동 목욕' })
    const theirs = Y.encodeStateAsUpdate(there, svBefore)
    Y.applyUpdate(here, theirs)
    Y.applyUpdate(there, Y.encodeStateAsUpdate(here))
    const merged = (await listResources()).find((r) => r.id === visitHealth.id)
    expect(merged).toMatchObject({ contactName: '김보건', contactPhone: '023301234', target: '65세 이상 만성질환자' })
    expect(readEntries(there, 'resources').get(visitHealth.id)).toMatchObject({ contactPhone: '023301234', target: '65세 이상 만성질환자' })
    expect(readEntries(there, 'resources').has(ownId)).toBe(true)
  })

  it('an edit made on one device while the other deleted the row survives the undo', async () => {
    const id = await addResource(FOOD)
    const name = teamDocName(LOCAL_TEAM)
    const here = await openDoc(name)
    const there = new Y.Doc()
    Y.applyUpdate(there, Y.encodeStateAsUpdate(here))
    const removed = await deleteResource(id)
    there.getMap<Y.Map<unknown>>('resources').get(id)!.set('contactName', '박담당')
    Y.applyUpdate(here, Y.encodeStateAsUpdate(there))
    expect((await listResources()).map((r) => r.id)).not.toContain(id)
    await restoreResource(removed)
    expect((await listResources()).find((r) => r.id === id)).toMatchObject({ name: '푸드뱅크', contactName: '박담당' })
  })
})
