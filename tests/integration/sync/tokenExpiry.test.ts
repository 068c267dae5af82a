// A token that expires while offline never blocks offline work: the outbox is kept, the state is
// loginRequired, and a fresh token flushes it.
import { afterEach, describe, expect, it } from 'vitest'
import { startTestRelay, type TestRelay } from '../../support/relay'
import { makeDevice, settled, type TestDevice } from '../../support/syncDevice'
import { login } from '../../support/users'
import { sleep, waitFor } from '../../support/wait'

let relay: TestRelay | null = null
const devices: TestDevice[] = []
afterEach(async () => {
  for (const d of devices.splice(0)) d.engine.close()
  await relay?.dispose()
})

describe('token expiry while offline', () => {
  it('keeps the outbox, asks for login, and flushes after a fresh login', async () => {
    relay = await startTestRelay({ tokenTtlSeconds: 1 })
    let loginAsked = 0
    const device = makeDevice(relay.syncUrl, (await login(relay.httpUrl, 'dong.worker')).token, { onLoginRequired: () => loginAsked++ })
    devices.push(device)
    const name = `case/${crypto.randomUUID()}`
    device.store.edit(name, (doc) => doc.getMap('household').set('address', '서울 서대문구 신촌동'))
    device.engine.start()
    await settled(device, 'device')
    device.engine.stop()

    await sleep(1500) // the token expires while the device is offline
    const offline1 = device.store.edit(name, (doc) => doc.getText('note').insert(0, '오프라인 방문 기록'))
    device.engine.start()
    await waitFor(() => device.engine.status.get().state === 'loginRequired', 'loginRequired')
    expect(loginAsked).toBe(1)
    // Offline work goes on: another edit lands in the outbox, nothing was dropped.
    const offline2 = device.store.edit(name, (doc) => doc.getMap('household').set('phone', '010-9876-5432'))
    expect([device.store.rowState(offline1), device.store.rowState(offline2)]).toEqual(['pending', 'pending'])

    device.token.value = (await login(relay.httpUrl, 'dong.worker')).token
    device.engine.syncNow()
    await settled(device, 'device after login')
    expect([device.store.rowState(offline1), device.store.rowState(offline2)]).toEqual(['acked', 'acked'])

    const other = makeDevice(relay.syncUrl, (await login(relay.httpUrl, 'dong.supervisor')).token)
    devices.push(other)
    other.engine.start()
    await waitFor(() => other.store.doc(name).getText('note').toString() === '오프라인 방문 기록', 'other device sees the offline edit')
    expect(other.store.doc(name).getMap('household').get('phone')).toBe('010-9876-5432')
  })
})
