// Between teams (issue 9), two devices with the real sync engine through a real relay on 127.0.0.1:
// a referral without a consent or a legal basis is refused; a read-only share with a recorded consent
// reaches the other team's device, which cannot change it; un-sharing removes the case from that device,
// live, and from a device of that team that was offline, at its next sync.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { todayInSeoul } from '../../../src/domain'
import type { Consent } from '../../../src/domain'
import { buildNewCase } from '../../../src/store/caseCommands'
import { readCaseFile, rootMap, writeEntity, writeNewCase } from '../../../src/store/caseDoc'
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

async function device(username: string): Promise<TestDevice & { token: { value: string | null } }> {
  const { token } = await login(relay.httpUrl, username)
  const d = makeDevice(relay.syncUrl, token)
  devices.push(d)
  d.engine.start()
  await settled(d, username)
  return d
}

const post = (d: TestDevice, path: string, body: unknown) =>
  fetch(`${relay.httpUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${d.token.value}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('a case file between two teams\' devices', () => {
  it('is refused without consent, reaches the other team read-only with it, and leaves its devices when un-shared', async () => {
    const dong = await device('dong.worker')
    const cf = buildNewCase({
      household: { targetType: 'nearPoor', address: '서울특별시 서대문구 연세로 5' },
      members: [{ name: '이바다' }],
      intake: { date: '2026-11-01', source: 'dongCenter', presentingProblem: '단전 예고' },
      level: 'general',
    })
    const name = `case/${cf.meta.id}`
    dong.store.edit(name, (doc) => writeNewCase(doc, cf))
    await settled(dong, 'case written')

    const refused = await post(dong, '/api/share-read', { name, team: 'hope-center' })
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { error: string }).error).toContain('동의')

    // The worker records the consent on the device; once it is synced the relay lets the share through.
    const consent: Consent = {
      id: crypto.randomUUID(), date: todayInSeoul(), scope: ['희망복지지원단'], method: 'written', recordedAt: new Date().toISOString(),
    }
    dong.store.edit(name, (doc) => writeEntity(doc, 'consents', consent))
    await settled(dong, 'consent synced')
    const hope = await device('hope.worker')
    const hopeLater = await device('hope.worker')
    hopeLater.engine.stop() // a second device of that team, offline from here on
    expect((await post(dong, '/api/share-read', { name, team: 'hope-center' })).status).toBe(200)
    await waitFor(() => hope.store.docs.has(name) && readCaseFile(hope.store.doc(name)).members[0]?.name === '이바다', 'the other team holds the case')
    hopeLater.engine.start()
    await waitFor(() => hopeLater.store.docs.has(name), 'the second device holds it too')
    hopeLater.engine.stop()

    // Read-only: an edit made on the other team's device is refused by the relay.
    const localId = hope.store.edit(name, (doc) => rootMap(doc, 'household').set('phone', '0212345678'))
    await waitFor(() => hope.store.rowState(localId) === 'rejected', 'the read-only edit refused')

    expect((await post(dong, '/api/unshare', { name, team: 'hope-center' })).status).toBe(200)
    await waitFor(() => !hope.store.docs.has(name), 'removed from the connected device', 5000)
    hopeLater.engine.start()
    await waitFor(() => !hopeLater.store.docs.has(name), 'removed from the device that was offline', 10_000)
    expect(dong.store.docs.has(name)).toBe(true)
  })
})
