// A supervisor deletes a case file with a reason (issue 9): only a supervisor of the owning team, the
// reason required and recorded; the relay destroys it, open sessions are told to drop it, and an old
// copy pushed later does not bring it back.
import { afterEach, describe, expect, it } from 'vitest'
import { ErrorCode, MsgType } from '../../../src/sync/protocol'
import type { RelayMessage } from '../../../src/sync/protocol'
import { Device, JSON_TYPE, login, newDocName, testRelay, textUpdate } from './helpers'

const open: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()))
})

async function del(url: string, token: string, body: unknown): Promise<{ status: number; body: { ok?: boolean; error?: string } }> {
  const res = await fetch(`${url}/api/delete`, { method: 'POST', headers: { ...JSON_TYPE, authorization: `Bearer ${token}` }, body: JSON.stringify(body) })
  return { status: res.status, body: (await res.json()) as { ok?: boolean; error?: string } }
}

describe('deleting a case file', () => {
  it('a supervisor of the owning team deletes it with a reason; a worker, another team or no reason cannot', async () => {
    const relay = await testRelay()
    open.push(relay)
    const worker = await login(relay.url, 'dong.worker')
    const name = newDocName()
    const writer = await Device.connect(relay.url, worker, 0, 'worker-tablet')
    expect((await writer.push([{ name, update: textUpdate('같은 가구를 두 번 등록함') }]))[0]?.ok).toBe(true)

    expect((await del(relay.url, worker, { name, reason: '중복 등록' })).status).toBe(403)
    expect((await del(relay.url, await login(relay.url, 'hope.supervisor'), { name, reason: '중복 등록' })).status).toBe(403)
    const supervisor = await login(relay.url, 'dong.supervisor')
    const noReason = await del(relay.url, supervisor, { name })
    expect(noReason).toEqual({ status: 400, body: { error: '삭제 사유를 입력하세요.' } })
    expect((await del(relay.url, supervisor, { name, reason: '900101-1234568 중복' })).status).toBe(400)
    expect(relay.storage.mergedState(name)).not.toBeNull()

    const done = await del(relay.url, supervisor, { name, reason: '중복 등록' })
    expect(done).toEqual({ status: 200, body: { ok: true, name } })
    expect(relay.storage.mergedState(name)).toBeNull()
    expect(relay.storage.isPurged(name)).toBe(true)
    // The worker's open session is told to drop it within the relay's watch interval.
    await writer.waitFor((m: RelayMessage) => m.type === MsgType.Revoked && m.names.includes(name), 0, 5000)
    // Recorded with who, and why.
    const records = relay.storage.auditFor(name)
    expect(records.some((r) => r.action === 'deleted' && r.detail === 'reason=중복 등록')).toBe(true)
    expect(records.filter((r) => r.action === 'refused' && r.detail === 'delete')).toHaveLength(2)
    // An old copy pushed later is refused, not brought back.
    const [again] = await writer.push([{ name, update: textUpdate('되살리기') }])
    expect(again).toMatchObject({ ok: false, code: ErrorCode.Forbidden })
    expect(relay.storage.mergedState(name)).toBeNull()
    await writer.close()
    expect((await del(relay.url, supervisor, { name, reason: '다시' })).status).toBe(404)
  })
})
