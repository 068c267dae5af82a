// Guard tests for the relay core called directly (mutation survivors of sync-server/core.ts that the
// socket tests cannot reach: /sync refuses oversized items in pushLimits.ts before the core, and the
// content checks of a batch need several items of one document). Real memory storage, auditor and hub;
// live devices are recording subscribers.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { ErrorCode, MAX_UPDATE_BYTES } from '../../../src/sync/protocol'
import { caseDocName, writeNewCase } from '../../../src/store/caseDoc'
import type { Principal } from '../../../sync-server/access'
import { Auditor } from '../../../sync-server/audit'
import { Auth } from '../../../sync-server/auth'
import { MESSAGES, changeAccess, storeUpdates } from '../../../sync-server/core'
import type { RelayCore } from '../../../sync-server/core'
import { Hub } from '../../../sync-server/hub'
import type { Subscriber } from '../../../sync-server/hub'
import { Sessions } from '../../../sync-server/sessions'
import { openMemoryStorage } from '../../../sync-server/storage/memory'
import { CONTENT_MESSAGES } from '../../../sync-server/validateUpdate'
import { makeCaseFile } from '../domain/fixtures'

const DONG = 'dong-sinchon'
const HOPE = 'hope-center'
const dongWorker: Principal = { id: 'u-dong', role: 'worker', team: DONG }
const hopeWorker: Principal = { id: 'u-hope', role: 'worker', team: HOPE }
const IP = '127.0.0.1'

function relayCore(): { core: RelayCore; logs: string[] } {
  const storage = openMemoryStorage()
  storage.ensureTeam({ id: DONG, name: '신촌동' })
  storage.ensureTeam({ id: HOPE, name: '희망센터' })
  const logs: string[] = []
  const core: RelayCore = { storage, auth: new Auth(storage, 3600), auditor: new Auditor(storage), hub: new Hub(), sessions: new Sessions(), log: (l) => logs.push(l) }
  return { core, logs }
}

/** A live device: records what the hub sends it. */
function liveDevice(core: RelayCore, user: Principal) {
  const got = { updates: [] as string[], revoked: [] as string[] }
  const sub: Subscriber = {
    user,
    sendUpdate: (name) => got.updates.push(name),
    revoke: (names) => got.revoked.push(...names),
  }
  core.hub.add(sub)
  return { sub, got }
}

function auditOf(core: RelayCore, name: string) {
  core.auditor.flush()
  return core.storage.auditFor(name).map((a) => ({ action: a.action, detail: a.detail }))
}

const uuidName = (kind: string) => `${kind}/${crypto.randomUUID()}`

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('note').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

/** A case file's creation, one valid edit after it, then a root the case file structure has not got. */
function caseEdits(): { name: string; create: Uint8Array; edit: Uint8Array; badRoot: Uint8Array } {
  const cf = makeCaseFile()
  const doc = new Y.Doc()
  const ups: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => ups.push(u))
  writeNewCase(doc, cf)
  doc.getMap('intake').set('sourceDetail', '동 주민센터 의뢰')
  doc.getMap('bogus').set('x', 1)
  expect(ups).toHaveLength(3)
  return { name: caseDocName(cf.meta.id), create: ups[0]!, edit: ups[1]!, badRoot: ups[2]! }
}

const codes = (outcomes: ReturnType<typeof storeUpdates>) => outcomes.map((o) => (o.ok ? 'ok' : o.code))

describe('storeUpdates: size', () => {
  it('refuses an update over MAX_UPDATE_BYTES as too large and stores one of exactly that size', () => {
    const { core } = relayCore()
    const overhead = textUpdate('').byteLength + 16
    let n = MAX_UPDATE_BYTES - overhead
    let exact = textUpdate('a'.repeat(n))
    for (let i = 0; i < 3 && exact.byteLength !== MAX_UPDATE_BYTES; i++) exact = textUpdate('a'.repeat((n += MAX_UPDATE_BYTES - exact.byteLength)))
    expect(exact.byteLength).toBe(MAX_UPDATE_BYTES)
    const over = new Uint8Array(MAX_UPDATE_BYTES + 1)
    over.set(exact)
    const [big, fits] = [uuidName('case'), uuidName('case')]
    const outcomes = storeUpdates(core, dongWorker, 'd1', IP, [{ name: big, update: over }, { name: fits, update: exact }], null)
    expect(outcomes[0]).toEqual({ ok: false, code: ErrorCode.TooLarge, message: MESSAGES.tooLarge })
    expect(outcomes[1]).toMatchObject({ ok: true })
    expect(core.storage.docAccess(big)).toBeNull()
    expect(core.storage.mergedState(fits)?.byteLength).toBeGreaterThan(0)
  })
})

describe('storeUpdates: content checked on top of what is stored and what the batch already took', () => {
  it('a later item of a new document is judged with the earlier items of the same push', () => {
    const { core } = relayCore()
    const c = caseEdits()
    const outcomes = storeUpdates(core, dongWorker, 'd1', IP, [{ name: c.name, update: c.create }, { name: c.name, update: c.badRoot }], null)
    expect(codes(outcomes)).toEqual(['ok', ErrorCode.BadUpdate])
    expect(outcomes[1]).toMatchObject({ message: CONTENT_MESSAGES.structure })
    const stored = new Y.Doc()
    Y.applyUpdate(stored, core.storage.mergedState(c.name)!)
    expect(stored.share.has('bogus')).toBe(false)
  })

  it('and an item of a stored document with the stored state plus the earlier items of the push', () => {
    const { core } = relayCore()
    const c = caseEdits()
    expect(codes(storeUpdates(core, dongWorker, 'd1', IP, [{ name: c.name, update: c.create }], null))).toEqual(['ok'])
    const outcomes = storeUpdates(core, dongWorker, 'd1', IP, [{ name: c.name, update: c.edit }, { name: c.name, update: c.badRoot }], null)
    expect(codes(outcomes)).toEqual(['ok', ErrorCode.BadUpdate])
    expect(auditOf(core, c.name)).toContainEqual({ action: 'refused', detail: 'content=structure' })
  })

  it('a full resident registration number is refused, audited with its problem, and not stored', () => {
    const { core } = relayCore()
    const name = uuidName('brief')
    const [outcome] = storeUpdates(core, dongWorker, 'd1', IP, [{ name, update: textUpdate('주민번호 900101-1234568') }], null)
    expect(outcome).toEqual({ ok: false, code: ErrorCode.BadUpdate, message: CONTENT_MESSAGES.rrn })
    expect(core.storage.docAccess(name)).toBeNull()
    expect(auditOf(core, name)).toEqual([{ action: 'refused', detail: 'content=rrn' }])
  })
})

describe('storeUpdates: refusals for access are audited', () => {
  it('a write to another team’s document is refused and audited as refused', () => {
    const { core } = relayCore()
    const name = uuidName('case')
    expect(codes(storeUpdates(core, dongWorker, 'd1', IP, [{ name, update: textUpdate('신촌동 사례') }], null))).toEqual(['ok'])
    const [outcome] = storeUpdates(core, hopeWorker, 'd2', IP, [{ name, update: textUpdate('남의 사례') }], null)
    expect(outcome).toEqual({ ok: false, code: ErrorCode.Forbidden, message: MESSAGES.forbidden })
    expect(auditOf(core, name).map((a) => a.action)).toEqual(['write', 'refused'])
  })

  it('a purged case file is refused and audited; the pushing connection is told to drop it, and a push without one works too', () => {
    const { core } = relayCore()
    const name = uuidName('case')
    const [stored] = storeUpdates(core, dongWorker, 'd1', IP, [{ name, update: textUpdate('파기될 사례') }], null)
    if (!stored?.ok) throw new Error('not stored')
    expect(core.storage.purgeDocs([{ name, lastSeq: stored.seq }], 'admin', Date.now())).toEqual([name])

    const device = liveDevice(core, dongWorker)
    const [again] = storeUpdates(core, dongWorker, 'd1', IP, [{ name, update: textUpdate('옛 사본') }], device.sub)
    expect(again).toEqual({ ok: false, code: ErrorCode.Forbidden, message: MESSAGES.purged })
    expect(device.got.revoked).toEqual([name])
    expect(storeUpdates(core, dongWorker, 'd1', IP, [{ name, update: textUpdate('옛 사본') }], null)).toEqual([
      { ok: false, code: ErrorCode.Forbidden, message: MESSAGES.purged },
    ])
    expect(auditOf(core, name).filter((a) => a.action === 'refused')).toHaveLength(2)
    expect(core.storage.docAccess(name)).toBeNull()
  })
})

describe('changeAccess', () => {
  function storedCase(core: RelayCore): string {
    const name = uuidName('case')
    expect(codes(storeUpdates(core, dongWorker, 'd1', IP, [{ name, update: textUpdate('의뢰할 사례') }], null))).toEqual(['ok'])
    return name
  }

  it('answers each impossible request with its own status and message', () => {
    const { core } = relayCore()
    const name = storedCase(core)
    expect(changeAccess(core, dongWorker, IP, 'share', name, 'no-such-team')).toEqual({ ok: false, status: 400, error: '받을 팀이 없습니다.' })
    expect(changeAccess(core, dongWorker, IP, 'share', uuidName('case'), HOPE)).toEqual({ ok: false, status: 404, error: '문서를 찾을 수 없습니다.' })
    expect(changeAccess(core, hopeWorker, IP, 'transfer', name, HOPE)).toEqual({
      ok: false, status: 403, error: '이 문서를 의뢰하거나 이관할 권한이 없습니다.',
    })
    expect(auditOf(core, name).map((a) => a.action)).toEqual(['write', 'refused'])
    expect(changeAccess(core, dongWorker, IP, 'share', name, DONG)).toEqual({ ok: false, status: 409, error: '이미 그 팀이 볼 수 있는 문서입니다.' })
    expect(changeAccess(core, dongWorker, IP, 'transfer', name, DONG)).toEqual({ ok: false, status: 409, error: '이미 그 팀의 문서입니다.' })
    // Nothing changed hands.
    expect(core.storage.docAccess(name)?.ownerTeam).toBe(DONG)
    expect([...(core.storage.docAccess(name)?.teams.keys() ?? [])]).toEqual([DONG])
  })

  it('a transfer to a team the case was already shared with sends it to nobody again; the old team’s devices drop it', () => {
    const { core, logs } = relayCore()
    const name = storedCase(core)
    const dong = liveDevice(core, dongWorker)
    const hope = liveDevice(core, hopeWorker)
    const shared = changeAccess(core, dongWorker, IP, 'share', name, HOPE)
    if (!shared.ok) throw new Error(shared.error)
    expect(hope.got.updates).toEqual([name])
    expect(dong.got).toEqual({ updates: [], revoked: [] })
    expect(logs).toContain(`access share seq=${shared.change.seq}`)

    const moved = changeAccess(core, dongWorker, IP, 'transfer', name, HOPE)
    if (!moved.ok) throw new Error(moved.error)
    expect(hope.got).toEqual({ updates: [name], revoked: [] })
    expect(dong.got).toEqual({ updates: [], revoked: [name] })
    expect(core.storage.docAccess(name)?.ownerTeam).toBe(HOPE)
  })
})
