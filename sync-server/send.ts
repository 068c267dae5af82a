// Sending relay messages on a ws socket, pausing when the socket's buffer is full (large feeds).
import { WebSocket } from 'ws'
import { encodeMessage } from '../src/sync/protocol'
import type { RelayMessage } from '../src/sync/protocol'

const HIGH_WATER_BYTES = 4 * 1024 * 1024

export function sendNow(ws: WebSocket, msg: RelayMessage): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(encodeMessage(msg))
}

/** Sends and, when the socket already holds a lot, waits until this frame has been written. */
export function sendPaced(ws: WebSocket, msg: RelayMessage): Promise<void> {
  if (ws.readyState !== WebSocket.OPEN) return Promise.resolve()
  const data = encodeMessage(msg)
  if (ws.bufferedAmount < HIGH_WATER_BYTES) {
    ws.send(data)
    return Promise.resolve()
  }
  return new Promise((resolve) => ws.send(data, () => resolve()))
}
