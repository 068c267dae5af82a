// purge-closed (사회보장급여법 제34조: closed case files are destroyed after 5 years): run by the admin
// CLI in its own process beside a running relay, it deletes every trace of the due case files in one
// transaction, removes them from devices that hold them, and refuses a later push instead of reviving one.
import crypto from 'node:crypto'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseFile } from '../../../src/domain'
import { writeNewCase } from '../../../src/store/caseDoc'
import { ErrorCode, MsgType } from '../../../src/sync/protocol'
import type { RelayMessage } from '../../../src/sync/protocol'
import { runAdmin } from '../../support/adminCli'
import { makeDevice, settled, type TestDevice } from '../../support/syncDevice'
import { waitFor } from '../../support/wait'
import { makeCaseFile } from '../../unit/domain/fixtures'
import { Device, login, testRelay, textUpdate, wsUrl } from './helpers'

type Relay = Awaited<ReturnType<typeof testRelay>>
let relay: Relay
const devices: TestDevice[] = []
beforeAll(async () => {
  relay = await testRelay()
})
afterAll(async () => {
  for (const d of devices) d.engine.close()
  await relay.close()
})

function caseFile(stage: CaseFile['meta']['stage'], closedOn: string): CaseFile {
  return makeCaseFile({
    meta: { id: crypto.randomUUID(), stage, createdAt: '2017-03-02T09:00:00+09:00', teamId: 'dong-sinchon' },
    intake: { date: '2017-03-02' },
    closure: { date: closedOn, reason: 'improved' },
  })
}

async function device(username: string): Promise<TestDevice> {
  const d = makeDevice(`${wsUrl(relay.url)}/sync`, await login(relay.url, username))
  devices.push(d)
  d.engine.start()
  await settled(d, username)
  return d
}

describe('purge-closed', () => {
  it('refuses a malformed day or one inside the 5-year retention, in Korean and English', () => {
    const bad = runAdmin(relay.dataDir, ['purge-closed', '--closed-before', '2019-02-30'])
    expect(bad.code).toBe(2)
    expect(bad.out).toMatch(/날짜.*YYYY-MM-DD/s)
    const recent = runAdmin(relay.dataDir, ['purge-closed', '--closed-before', '2099-01-01', '--dry-run'])
    expect(recent.code).toBe(2)
    expect(recent.out).toMatch(/5년.*kept 5 years/s)
    expect(runAdmin(relay.dataDir, ['purge-closed']).out).toMatch(/--closed-before/)
  })

  it('destroys closed case files before the day everywhere and keeps the rest', async () => {
    const due = caseFile('closed', '2019-06-30')
    const dueInFollowUp = caseFile('followUp', '2018-12-01')
    const closedAfter = caseFile('closed', '2020-03-02')
    const reopened = caseFile('delivery', '2019-01-10') // closed once, then 재개: not closed any more
    const name = (cf: CaseFile) => `case/${cf.meta.id}`
    const dong = await device('dong.worker')
    for (const cf of [due, dueInFollowUp, closedAfter, reopened]) dong.store.edit(name(cf), (doc) => writeNewCase(doc, cf))
    await settled(dong, 'cases written')
    // A referral: the other team's device holds the due case too, then goes offline.
    const share = await fetch(`${relay.url}/api/share`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${dong.token.value}` },
      body: JSON.stringify({ name: name(due), team: 'hope-center', legalBasis: 'ssa-15' }), // a case file: consent or a legal basis
    })
    expect(share.status).toBe(200)
    const hope = await device('hope.worker')
    await waitFor(() => hope.store.docs.has(name(due)), 'the other team holds the shared case')
    hope.engine.stop()

    const dry = runAdmin(relay.dataDir, ['purge-closed', '--closed-before', '2020-01-01', '--dry-run'])
    expect(dry.code).toBe(0)
    expect(dry.out).toMatch(/2건.*would purge 2 case files/s)
    expect(relay.storage.docLastSeq(name(due))).not.toBeNull()

    const run = runAdmin(relay.dataDir, ['purge-closed', '--closed-before', '2020-01-01'])
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/purged 2 case files/)
    expect(run.out).not.toMatch(/김민수|다산로/) // no personal data in the output

    // The connected device drops them within seconds; the offline one at its next sync.
    await waitFor(() => !dong.store.docs.has(name(due)) && !dong.store.docs.has(name(dueInFollowUp)), 'removed from the connected device', 5000)
    expect(dong.store.docs.has(name(closedAfter))).toBe(true)
    expect(dong.store.docs.has(name(reopened))).toBe(true)
    hope.engine.start()
    await waitFor(() => !hope.store.docs.has(name(due)), 'removed from the device that was offline', 10_000)

    // Nothing of them is left in the database; the rest is intact.
    const db = new Database(path.join(relay.dataDir, 'relay.sqlite'), { readonly: true })
    try {
      for (const cf of [due, dueInFollowUp]) {
        expect(db.prepare('SELECT count(*) FROM updates WHERE doc = ?').pluck().get(name(cf))).toBe(0)
        expect(db.prepare('SELECT count(*) FROM docs WHERE name = ?').pluck().get(name(cf))).toBe(0)
        expect(db.prepare('SELECT count(*) FROM doc_access WHERE doc = ?').pluck().get(name(cf))).toBe(0)
        const audit = db.prepare(`SELECT user_id, ip, detail FROM audit WHERE doc = ? AND action = 'purge'`).all(name(cf))
        expect(audit).toEqual([{ user_id: expect.stringMatching(/^cli:/), ip: 'cli', detail: expect.stringMatching(/^by=cli:/) }])
      }
      expect(db.prepare('SELECT count(*) FROM updates WHERE doc = ?').pluck().get(name(closedAfter))).toBeGreaterThan(0)
    } finally {
      db.close()
    }
    expect(relay.storage.mergedState(name(due))).toBeNull()

    // An old copy pushed later is refused with the reason and removed, not brought back.
    const raw = await Device.connect(relay.url, await login(relay.url, 'dong.worker'))
    const [result] = await raw.push([{ name: name(due), update: textUpdate('되살리기 시도') }])
    expect(result).toMatchObject({ ok: false, code: ErrorCode.Forbidden, message: expect.stringMatching(/파기/) })
    expect(raw.messages.some((m: RelayMessage) => m.type === MsgType.Revoked && m.names.includes(name(due)))).toBe(true)
    expect(relay.storage.docLastSeq(name(due))).toBeNull()
    await raw.close()
    expect(runAdmin(relay.dataDir, ['purge-closed', '--closed-before', '2020-01-01', '--dry-run']).out).toMatch(/would purge 0/)
  })
})
