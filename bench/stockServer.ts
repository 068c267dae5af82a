// The stock baseline server in its own process: @y/websocket-server@0.1.1's setupWSConnection on
// an http + ws server, exactly as its bin/server.js wires it, with the documents preloaded in memory
// (its default without YPERSISTENCE: no disk read on connect, the most favourable case for it).
import http from 'node:http'
import { getYDoc, setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'
import * as Y from 'yjs'
import { fromWire, readDocFile } from './docFile'

const file = process.argv[2]
if (!file) throw new Error('usage: stockServer.ts <docs-file>')
for (const { name, update } of readDocFile(file)) Y.applyUpdate(getYDoc(name), update)

const wss = new WebSocketServer({ noServer: true })
wss.on('connection', setupWSConnection)
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' })
  res.end('okay')
})
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
})

process.on('message', (raw) => {
  const m = raw as { type: string; items?: { name: string; b64: string }[] }
  // "Another device" changed these while the measured device was away.
  if (m.type === 'edit' && m.items) {
    for (const { name, update } of fromWire(m.items)) Y.applyUpdate(getYDoc(name), update)
    process.send?.({ type: 'edit:ok' })
  }
})
process.on('disconnect', () => process.exit(0))
server.listen(0, '127.0.0.1', () => {
  const addr = server.address()
  process.send?.({ type: 'ready', port: typeof addr === 'object' && addr ? addr.port : 0 })
})
