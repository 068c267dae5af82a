// Test helpers: a real relay on 127.0.0.1 port 0 with a temp DATA_DIR, and a raw /sync client.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { MsgType, PROTOCOL_VERSION, decodeMessage, encodeMessage } from '../../../src/sync/protocol'
import type { DeviceMessage, DocUpdate, Message, RelayMessage } from '../../../src/sync/protocol'
import { startRelay } from '../../../sync-server/relay'
import type { RelayHandle, RelayOptions } from '../../../sync-server/relay'

export const DEMO_PASSWORD = 'demo2026!'
/** POST /api/login takes application/json only. */
export const JSON_TYPE = { 'content-type': 'application/json' }

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'doum-relay-'))
}

export async function testRelay(options: RelayOptions = {}): Promise<RelayHandle & { dataDir: string }> {
  const dataDir = options.dataDir ?? tempDir()
  const relay = await startRelay({ port: 0, seedDemo: true, staticDir: dataDir, log: () => {}, ...options, dataDir })
  return Object.assign(relay, { dataDir })
}

export const wsUrl = (httpUrl: string): string => httpUrl.replace(/^http/, 'ws')

export async function login(url: string, username: string, password = DEMO_PASSWORD, deviceId?: string): Promise<string> {
  const res = await fetch(`${url}/api/login`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ username, password, deviceId }) })
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`)
  return ((await res.json()) as { token: string }).token
}

export const newDocName = (kind = 'case'): string => `${kind}/${crypto.randomUUID()}`

/** A Yjs update that writes `text` into a fresh doc's Y.Text 'note'. */
export function textUpdate(text: string, doc = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(doc)
  doc.getText('note').insert(doc.getText('note').length, text)
  return Y.encodeStateAsUpdate(doc, before)
}

export function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc()
  for (const u of updates) Y.applyUpdate(doc, u)
  return doc.getText('note').toString()
}

/** A raw /sync connection that records every relay message. */
export class Device {
  readonly messages: RelayMessage[] = []
  closeCode: number | null = null
  private waiters: (() => void)[] = []
  private batch = 1

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(decodeMessage(new Uint8Array(data as Buffer)) as RelayMessage)
      this.wake()
    })
    ws.on('close', (code) => {
      this.closeCode = code
      this.wake()
    })
  }

  private wake(): void {
    const w = this.waiters
    this.waiters = []
    for (const f of w) f()
  }

  static async open(url: string, headers?: Record<string, string>): Promise<Device> {
    const ws = new WebSocket(`${wsUrl(url)}/sync`, { headers })
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    return new Device(ws)
  }

  /** Opens, says Hello and waits for Welcome (or an Error, or Wipe). */
  static async connect(url: string, token: string, cursor = 0, deviceId = 'test-device', headers?: Record<string, string>): Promise<Device> {
    const d = await Device.open(url, headers)
    d.send({ type: MsgType.Hello, protocolVersion: PROTOCOL_VERSION, token, deviceId, cursor })
    await d.waitFor((m) => m.type === MsgType.Welcome || m.type === MsgType.Error || m.type === MsgType.Wipe)
    return d
  }

  send(m: DeviceMessage): void {
    this.ws.send(encodeMessage(m as Message))
  }

  sendRaw(bytes: Uint8Array | string): void {
    this.ws.send(bytes)
  }

  /** Resolves with the first recorded message (from `from` on) matching `pred`. */
  async waitFor<T extends RelayMessage>(pred: (m: RelayMessage) => boolean, from = 0, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const hit = this.messages.slice(from).find(pred)
      if (hit) return hit as T
      if (this.closeCode !== null) throw new Error(`closed (${this.closeCode}) while waiting`)
      if (Date.now() > deadline) throw new Error('timed out waiting for a relay message')
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 50)
      })
    }
  }

  async push(items: { name: string; update: Uint8Array }[]) {
    const batchId = this.batch++
    this.send({ type: MsgType.Push, batchId, items: items.map((it, i) => ({ localId: i + 1, ...it })) })
    const ack = await this.waitFor<Extract<RelayMessage, { type: typeof MsgType.Ack }>>(
      (m) => m.type === MsgType.Ack && m.batchId === batchId,
    )
    return ack.results
  }

  /** Waits for FeedDone and returns every Docs item of this session's feed, with the page cursors. */
  async feed(): Promise<{ items: DocUpdate[]; cursors: number[]; done: number }> {
    const done = await this.waitFor<Extract<RelayMessage, { type: typeof MsgType.FeedDone }>>((m) => m.type === MsgType.FeedDone)
    const pages = this.messages.filter((m): m is Extract<RelayMessage, { type: typeof MsgType.Docs }> => m.type === MsgType.Docs)
    return { items: pages.flatMap((p) => p.items), cursors: pages.map((p) => p.cursor), done: done.cursor }
  }

  get welcome() {
    return this.messages.find((m): m is Extract<RelayMessage, { type: typeof MsgType.Welcome }> => m.type === MsgType.Welcome)
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return
    await new Promise<void>((resolve) => {
      this.ws.once('close', () => resolve())
      this.ws.close()
    })
  }
}

/** Tries a /yjs upgrade; resolves with the open socket or the HTTP status that refused it. */
export function openYjs(url: string, name: string, token: string): Promise<{ ws: WebSocket | null; status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${wsUrl(url)}/yjs/${name}?token=${encodeURIComponent(token)}`)
    ws.once('open', () => resolve({ ws, status: 101 }))
    ws.once('unexpected-response', (_req, res) => {
      resolve({ ws: null, status: res.statusCode ?? 0 })
      ws.terminate()
    })
    ws.once('error', () => resolve({ ws: null, status: 0 }))
  })
}
