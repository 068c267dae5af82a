// Convergence property: ≥10 devices make random edits with random disconnects while the relay
// process is SIGKILLed and restarted; at the end all devices and the relay hold identical state and
// every acknowledged edit is present. Seeded: the seed is printed, `SEED=<n>` replays it.
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { seededRandom, seedFromEnv } from '../../support/random'
import { startRelayProcess, type RelayProcess } from '../../support/relayProcess'
import { makeDevice, settled, type TestDevice } from '../../support/syncDevice'
import { login } from '../../support/users'
import { sleep, waitFor } from '../../support/wait'

const DEVICES = 10
const STEPS = 600
const KILLS = 4

let relay: RelayProcess | null = null
const devices: TestDevice[] = []
afterAll(async () => {
  for (const d of devices.splice(0)) d.engine.close()
  await relay?.dispose()
})

interface Edit {
  device: number
  localId: number
  name: string
  /** Set only for map sets with a key no one else writes. */
  uniqueKey?: string
  value?: string
}

/** Content with map keys sorted (a Y.Map's iteration order differs between replicas). */
function fingerprint(doc: Y.Doc): string {
  const fields = Object.entries(doc.getMap('fields').toJSON()).sort(([a], [b]) => (a < b ? -1 : 1))
  return JSON.stringify({ fields, note: doc.getText('note').toString() })
}

function covers(doc: Y.Doc, update: Uint8Array): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) {
    if ((have.get(client) ?? 0) < clock) return false
  }
  return true
}

function describeDifferences(names: string[], all: TestDevice[], fresh: TestDevice): string {
  const lines: string[] = []
  for (const n of names) {
    const want = Y.decodeStateVector(Y.encodeStateVector(fresh.store.doc(n)))
    all.forEach((d, i) => {
      const have = Y.decodeStateVector(Y.encodeStateVector(d.store.doc(n)))
      const diffs: string[] = []
      for (const c of new Set([...want.keys(), ...have.keys()])) if (want.get(c) !== have.get(c)) diffs.push(`${c}: relay ${want.get(c)} device ${have.get(c)}`)
      const fa = fingerprint(d.store.doc(n))
      const fb = fingerprint(fresh.store.doc(n))
      if (fa !== fb) diffs.push(`content device ${fa} relay ${fb}`)
      if (diffs.length) lines.push(`${n} device ${i} (${d.engine.status.get().state}, cursor ${d.store.cursor}): ${diffs.join('; ')}`)
    })
  }
  return lines.join('\n')
}

describe('convergence under random edits, disconnects and relay crashes', () => {
  it('ends with identical state everywhere and every acknowledged edit present', { timeout: 60_000 }, async () => {
    const seed = seedFromEnv()
    console.log(`convergence seed: ${seed} (replay with SEED=${seed})`)
    const rand = seededRandom(seed)
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!
    const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('')
    const newName = (): string => `case/${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`
    relay = await startRelayProcess()
    const tokens = [
      (await login(relay.httpUrl, 'dong.worker')).token,
      (await login(relay.httpUrl, 'dong.supervisor')).token,
    ]
    for (let i = 0; i < DEVICES; i++) devices.push(makeDevice(relay.syncUrl, tokens[i % 2]!))
    const names: string[] = [newName(), newName()]
    const edits: Edit[] = []
    const online = devices.map(() => rand() < 0.7)
    devices.forEach((d, i) => online[i] && d.engine.start())

    const killAt = new Set(Array.from({ length: KILLS }, (_, k) => Math.floor(((k + 1) * STEPS) / (KILLS + 1))))
    let restartAt = -1
    for (let step = 0; step < STEPS; step++) {
      if (killAt.has(step)) {
        await relay.kill()
        restartAt = step + 10 + Math.floor(rand() * 20) // devices keep editing while it is down
      }
      if (step === restartAt) await relay.restart()
      const i = Math.floor(rand() * DEVICES)
      const d = devices[i]!
      const r = rand()
      if (r < 0.08) {
        online[i] = !online[i]
        if (online[i]) d.engine.start()
        else d.engine.stop()
      } else if (r < 0.14) {
        const name = newName()
        names.push(name)
        const key = `d${i}-s${step}`
        edits.push({ device: i, name, uniqueKey: key, value: `new-${step}`, localId: d.store.edit(name, (doc) => doc.getMap('fields').set(key, `new-${step}`)) })
      } else {
        const name = pick(names)
        const doc = d.store.doc(name)
        if (r < 0.45) {
          const key = `d${i}-s${step}`
          edits.push({ device: i, name, uniqueKey: key, value: `v${step}`, localId: d.store.edit(name, () => doc.getMap('fields').set(key, `v${step}`)) })
        } else if (r < 0.6) {
          // A contested key: many devices write it, one value wins everywhere.
          edits.push({ device: i, name, localId: d.store.edit(name, () => doc.getMap('fields').set('status', `d${i}-${step}`)) })
        } else if (r < 0.85 || doc.getText('note').length === 0) {
          const t = doc.getText('note')
          edits.push({ device: i, name, localId: d.store.edit(name, () => t.insert(Math.floor(rand() * (t.length + 1)), `[${i}:${step}]`)) })
        } else {
          const t = doc.getText('note')
          const at = Math.floor(rand() * t.length)
          edits.push({ device: i, name, localId: d.store.edit(name, () => t.delete(at, Math.min(3, t.length - at))) })
        }
      }
      if (step % 10 === 0) await sleep(rand() * 40)
    }

    // Everyone back online; wait for every outbox to drain and every device to agree.
    devices.forEach((d, i) => !online[i] && d.engine.start())
    for (const [i, d] of devices.entries()) await settled(d, `device ${i}`, 30_000)
    const fresh = makeDevice(relay.syncUrl, tokens[0]!)
    devices.push(fresh)
    fresh.engine.start()
    await settled(fresh, 'fresh device')
    await waitFor(
      () => names.every((n) => devices.every((d) => fingerprint(d.store.doc(n)) === fingerprint(fresh.store.doc(n)) && Y.encodeStateVector(d.store.doc(n)).toString() === Y.encodeStateVector(fresh.store.doc(n)).toString())),
      'all devices identical to the relay',
      15_000,
    ).catch((err: unknown) => {
      console.log(describeDifferences(names, devices, fresh))
      throw err
    })

    for (const n of names) {
      const expected = Y.encodeStateVector(fresh.store.doc(n))
      for (const d of devices) {
        expect(Y.encodeStateVector(d.store.doc(n))).toEqual(expected)
        expect(fingerprint(d.store.doc(n))).toBe(fingerprint(fresh.store.doc(n)))
      }
    }
    let acked = 0
    for (const e of edits) {
      const row = devices[e.device]!.store.outbox.find((o) => o.localId === e.localId)
      expect(row?.state).not.toBe('rejected')
      if (row?.state !== 'acked') continue
      acked++
      const doc = fresh.store.doc(e.name)
      expect(covers(doc, row.update)).toBe(true)
      if (e.uniqueKey) expect(doc.getMap('fields').get(e.uniqueKey)).toBe(e.value)
    }
    // Everything was drained, so every edit must have been acknowledged.
    expect(acked).toBe(edits.filter((e) => e.localId > 0).length)
    expect(devices.every((d) => d.engine.status.get().rejected === 0)).toBe(true)
    console.log(`convergence: ${edits.length} edits on ${names.length} documents, ${KILLS} relay kills`)
  })
})
