// Consent and referral commands (issue 9) against a fake relay: the consent gating happens on the device
// before anything is sent, the relay's answer decides, and only then the case file's record and history
// event are written; a case referred to or shared with the user's team is read-only until accepted.
import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { todayInSeoul } from '../../../src/domain'
import {
  ValidationError, acceptReferral, createCase, endShare, getCaseFile, recordConsent, referCase, setSession, shareReadOnly,
  updateHousehold, withdrawConsent,
} from '../../../src/store'
import type { Actor } from '../../../src/store'
import { caseInput, useFreshStore } from './helpers'

const HOPE = { id: 'hope-center', name: '희망복지지원단' }
const dong: Actor = { token: 'dong-token', username: 'dong.worker', team: 'dong-sinchon', teamName: '신촌동 주민센터' }
const hope: Actor = { token: 'hope-token', username: 'hope.worker', team: 'hope-center', teamName: '희망복지지원단' }

/** A relay that records what it was asked and answers each path with `status` (and a Korean error). */
function fakeRelay(status = 200, error = '거절') {
  const calls: { path: string; body: Record<string, unknown> }[] = []
  // No sync engine runs here: the wait for the case file to be synced is cut short.
  const io = { syncWaitMs: 10, fetchImpl: (async (path: string, init?: RequestInit) => {
    calls.push({ path, body: JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown> })
    return new Response(JSON.stringify(status === 200 ? { ok: true } : { error }), { status })
  }) as typeof fetch }
  return { calls, io }
}

const consentInput = { date: todayInSeoul(), scope: ['희망복지지원단', ' 보건소 '], method: 'written' as const }

describe('consents', () => {
  useFreshStore()

  it('records a consent (scope trimmed) with a history event, and withdraws it from a day on', async () => {
    const id = await createCase(caseInput())
    const consentId = await recordConsent(id, consentInput, 'dong.worker')
    let cf = (await getCaseFile(id))!
    expect(cf.consents).toMatchObject([{ id: consentId, scope: ['희망복지지원단', '보건소'], method: 'written', recordedBy: 'dong.worker' }])
    expect(cf.history.at(-1)).toMatchObject({ kind: 'consent', note: '희망복지지원단, 보건소', by: 'dong.worker' })
    await withdrawConsent(id, consentId, todayInSeoul())
    cf = (await getCaseFile(id))!
    expect(cf.consents[0]?.withdrawnAt).toBe(todayInSeoul())
    expect(cf.history.at(-1)).toMatchObject({ kind: 'consentWithdrawn' })
    await expect(withdrawConsent(id, consentId, todayInSeoul())).rejects.toBeInstanceOf(ValidationError)
  })

  it('refuses an empty scope and a date in the future', async () => {
    const id = await createCase(caseInput())
    await expect(recordConsent(id, { ...consentInput, scope: [' '] })).rejects.toBeInstanceOf(ValidationError)
    await expect(recordConsent(id, { ...consentInput, date: '2999-01-01' })).rejects.toMatchObject({ issues: [{ path: 'date' }] })
    expect((await getCaseFile(id))!.consents).toEqual([])
  })
})

describe('referral and sharing', () => {
  useFreshStore()

  it('without a covering consent nothing is sent and nothing written; with the legal basis it goes', async () => {
    const id = await createCase(caseInput())
    const relay = fakeRelay()
    await expect(referCase(id, { team: HOPE, basis: 'consent', note: '고난도 사례' }, dong, relay.io)).rejects.toMatchObject({
      issues: [{ path: 'basis', message: expect.stringContaining('제17조') }],
    })
    expect(relay.calls).toEqual([])
    await referCase(id, { team: HOPE, basis: 'ssa-15', note: '고난도 사례' }, dong, relay.io)
    expect(relay.calls).toEqual([{ path: '/api/refer', body: { name: `case/${id}`, team: 'hope-center', legalBasis: 'ssa-15' } }])
    const cf = (await getCaseFile(id))!
    expect(cf.referrals).toMatchObject([{ kind: 'referral', toTeam: 'hope-center', basis: 'ssa-15', note: '고난도 사례', by: 'dong.worker' }])
    expect(cf.history.at(-1)).toMatchObject({ kind: 'referral', from: '신촌동 주민센터', to: '희망복지지원단', note: '고난도 사례' })
  })

  it('a referral needs its note; the relay\'s refusal is shown and nothing is written', async () => {
    const id = await createCase(caseInput())
    await recordConsent(id, consentInput)
    await expect(referCase(id, { team: HOPE, basis: 'consent', note: ' ' }, dong, fakeRelay().io)).rejects.toMatchObject({
      issues: [{ path: 'note' }],
    })
    const refusing = fakeRelay(403, '동의 기록이 서버에 없습니다.')
    await expect(referCase(id, { team: HOPE, basis: 'consent', note: '의뢰' }, dong, refusing.io)).rejects.toMatchObject({
      issues: [{ message: '동의 기록이 서버에 없습니다.' }],
    })
    expect((await getCaseFile(id))!.referrals).toEqual([])
  })

  it('on the receiving team\'s device the referred case is read-only until accepted', async () => {
    const id = await createCase(caseInput())
    const consentId = await recordConsent(id, consentInput)
    await referCase(id, { team: HOPE, basis: 'consent', note: '의뢰합니다' }, dong, fakeRelay().io)
    expect((await getCaseFile(id))!.referrals[0]?.consentId).toBe(consentId)
    // The same case file as it reaches a device of the receiving team.
    await setSession({ token: 'hope-token', user: { id: 'u2', username: 'hope.worker', role: 'worker', team: 'hope-center' } })
    await expect(updateHousehold(id, { phone: '0212345678' })).rejects.toMatchObject({ issues: [{ message: expect.stringContaining('수락') }] })
    const relay = fakeRelay()
    const referralId = (await getCaseFile(id))!.referrals[0]!.id
    await acceptReferral(id, referralId, hope, relay.io)
    expect(relay.calls).toEqual([{ path: '/api/accept', body: { name: `case/${id}` } }])
    const cf = (await getCaseFile(id))!
    expect(cf.referrals[0]).toMatchObject({ acceptedBy: 'hope.worker' })
    expect(cf.history.at(-1)).toMatchObject({ kind: 'referralAccepted', from: '신촌동 주민센터', to: '희망복지지원단' })
    await updateHousehold(id, { phone: '0212345678' })
    await expect(acceptReferral(id, referralId, hope, relay.io)).rejects.toBeInstanceOf(ValidationError)
  })

  it('a read-only share can be ended; the relay is told which team', async () => {
    const id = await createCase(caseInput())
    await recordConsent(id, consentInput)
    const relay = fakeRelay()
    const shareId = await shareReadOnly(id, { team: { id: 'health', name: '보건소' }, basis: 'consent' }, dong, relay.io)
    await endShare(id, shareId, dong, relay.io)
    expect(relay.calls.map((c) => [c.path, c.body.team])).toEqual([['/api/share-read', 'health'], ['/api/unshare', 'health']])
    const cf = (await getCaseFile(id))!
    expect(cf.referrals[0]).toMatchObject({ kind: 'share', endedBy: 'dong.worker' })
    expect(cf.history.map((h) => h.kind).slice(-2)).toEqual(['share', 'unshare'])
  })

  it('offline: a clear Korean message, nothing sent', async () => {
    const id = await createCase(caseInput())
    const relay = fakeRelay()
    vi.stubGlobal('navigator', { onLine: false })
    try {
      await expect(referCase(id, { team: HOPE, basis: 'ssa-15', note: '의뢰' }, dong, relay.io)).rejects.toMatchObject({
        issues: [{ message: expect.stringContaining('서버에 연결되어 있을 때만') }],
      })
    } finally {
      vi.unstubAllGlobals()
    }
    expect(relay.calls).toEqual([])
  })
})
