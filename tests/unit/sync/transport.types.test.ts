import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { defaultWebSocket, type WebSocketConstructor } from '../../../src/sync/transport'

describe('transport', () => {
  it('accepts both the DOM WebSocket type and ws (checked by tsc), and finds no global one in Node 20', () => {
    const dom: WebSocketConstructor | undefined = (globalThis as { WebSocket?: typeof globalThis.WebSocket }).WebSocket
    const node: WebSocketConstructor = WebSocket
    expect(typeof node).toBe('function')
    expect(defaultWebSocket()).toBe(dom)
  })
})
