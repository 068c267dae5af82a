// (4) 200 devices of one team connected to the relay, all holding one shared case file; one device
// edits it and we time the edit's arrival at every other device, over ~20 rounds.
import * as Y from 'yjs'
import type { DocState } from './data'
import { makeDevice, pushAll, startAndWaitUpToDate, type Device, type Relay } from './doumPath'

export interface FanoutResult {
  devices: number
  rounds: number
  samples: number
  p50: number
  p99: number
  max: number
  rssBefore: number
  rssAfter: number
}

const ROUND_TIMEOUT_MS = 10_000

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i] ?? NaN
}

async function connectAll(devices: Device[], batch = 25): Promise<void> {
  for (let i = 0; i < devices.length; i += batch) {
    await Promise.all(devices.slice(i, i + batch).map((d) => startAndWaitUpToDate(d.engine, 60_000)))
  }
}

export async function measureFanout(relay: Relay, shared: DocState, count = 200, rounds = 20): Promise<FanoutResult> {
  const url = `ws://127.0.0.1:${relay.port}/sync`
  const tokenOf = (i: number): string => relay.tokens[i % relay.tokens.length] as string
  // The case file exists on the relay before the 200 connect (created by a device not counted).
  const creator = makeDevice(url, tokenOf(0), 'fanout-creator')
  await pushAll(creator, [shared])
  creator.engine.close()
  await new Promise((r) => setTimeout(r, 300))
  const rssBefore = relay.rss()

  const devices = Array.from({ length: count }, (_, i) => makeDevice(url, tokenOf(i), `fanout-${i}`))
  try {
    await connectAll(devices)
    for (const d of devices) {
      if (!d.store.state(shared.name)) throw new Error('a fan-out device did not receive the shared case file')
      d.store.hold(shared.name) // each device shows the case file, as a supervisor's screen would
    }
    await new Promise((r) => setTimeout(r, 300))
    const rssAfter = relay.rss()

    const latencies: number[] = []
    for (let round = 0; round < rounds; round++) {
      const editor = devices[(round * 7) % count] as Device
      const waiting = devices.filter((d) => d !== editor)
      const arrived = new Map<Device, number>()
      let t0 = 0
      const done = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`fan-out round ${round}: ${arrived.size}/${waiting.length} received`)), ROUND_TIMEOUT_MS)
        const offs = waiting.map((d) =>
          d.store.onRemote((items) => {
            if (arrived.has(d) || !items.some((it) => it.name === shared.name)) return
            arrived.set(d, performance.now() - t0)
            if (arrived.size === waiting.length) {
              clearTimeout(timer)
              for (const off of offs) off()
              resolve()
            }
          }),
        )
      })
      // The edit: a line typed into the visit's observations, queued in the editor's outbox.
      const probe = new Y.Doc()
      Y.applyUpdate(probe, editor.store.state(shared.name) ?? new Uint8Array([0, 0]))
      const before = Y.encodeStateVector(probe)
      probe.getMap('household').set('note', `방문 메모 ${round + 1}회차`)
      const update = Y.encodeStateAsUpdate(probe, before)
      probe.destroy()
      t0 = performance.now()
      editor.store.addLocal([{ name: shared.name, update }])
      await done
      latencies.push(...arrived.values())
      await new Promise((r) => setTimeout(r, 50))
    }
    latencies.sort((a, b) => a - b)
    return {
      devices: count,
      rounds,
      samples: latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? NaN,
      rssBefore,
      rssAfter,
    }
  } finally {
    for (const d of devices) {
      d.engine.close()
      d.store.releaseAll()
    }
  }
}
