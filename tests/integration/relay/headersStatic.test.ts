// Security headers on every response, dotfiles refused, precompressed static files, WebSocket Origin
// checks and the refusal to listen in clear text beyond loopback, on a real relay.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { WebSocket } from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRelay } from '../../../sync-server/relay'
import { tempDir, testRelay, wsUrl } from './helpers'

let relay: Awaited<ReturnType<typeof testRelay>>
let staticDir = ''
const js = `console.log(${JSON.stringify('도움 '.repeat(2000))})\n`

beforeAll(async () => {
  staticDir = tempDir()
  fs.mkdirSync(path.join(staticDir, 'assets'))
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>도움</title>')
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), js)
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js.br'), zlib.brotliCompressSync(js))
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js.gz'), zlib.gzipSync(js))
  fs.writeFileSync(path.join(staticDir, '.env'), 'SECRET=1')
  relay = await testRelay({ staticDir })
})
afterAll(() => relay.close())

/** Raw GET (fetch would decode the body and hide Content-Encoding handling). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
}

function upgrade(pathname: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${wsUrl(relay.url)}${pathname}`, { headers })
    ws.once('open', () => { ws.terminate(); resolve(101) })
    ws.once('unexpected-response', (_req, res) => { ws.terminate(); resolve(res.statusCode ?? 0) })
    ws.once('error', () => resolve(0))
  })
}

describe('relay headers and static files', () => {
  it('every response carries CSP, no-referrer and nosniff: app, API, 404, errors; no HSTS without TLS', async () => {
    for (const [p, status] of [['/', 200], ['/api/health', 200], ['/api/nothing', 404], ['/nothing.js', 404], ['/api/me', 401]] as const) {
      const r = await get(`${relay.url}${p}`)
      expect(r.status, p).toBe(status)
      expect(r.headers['content-security-policy'], p).toMatch(/default-src 'self'.*frame-ancestors 'none'/)
      expect(r.headers['referrer-policy'], p).toBe('no-referrer')
      expect(r.headers['x-content-type-options'], p).toBe('nosniff')
      expect(r.headers['strict-transport-security'], p).toBeUndefined()
    }
  })

  it('refuses dotfiles with 404 (no SPA fallback for them)', async () => {
    for (const p of ['/.env', '/%2eenv', '/assets/../.env', '/.git/config']) {
      const r = await get(`${relay.url}${p}`)
      expect(r.status, p).toBe(404)
      expect(r.body.toString(), p).not.toContain('SECRET')
    }
  })

  it('serves the brotli or gzip copy to clients that accept it, with Vary, and the plain file otherwise', async () => {
    const br = await get(`${relay.url}/assets/app.js`, { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(js)
    expect(br.body.length).toBeLessThan(Buffer.byteLength(js) / 10)
    const gz = await get(`${relay.url}/assets/app.js`, { 'Accept-Encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.body).toString()).toBe(js)
    const plain = await get(`${relay.url}/assets/app.js`, { 'Accept-Encoding': 'br;q=0' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers.vary).toBe('Accept-Encoding')
    expect(plain.body.toString()).toBe(js)
  })

  it('never serves a compressed copy older than its file (a file replaced after the build)', async () => {
    const file = path.join(staticDir, 'sw.js')
    fs.writeFileSync(file + '.br', zlib.brotliCompressSync('old'))
    fs.writeFileSync(file, 'new')
    const past = new Date(Date.now() - 60_000)
    fs.utimesSync(file + '.br', past, past)
    const r = await get(`${relay.url}/sw.js`, { 'Accept-Encoding': 'br' })
    expect(r.headers['content-encoding']).toBeUndefined()
    expect(r.body.toString()).toBe('new')
  })

  it('refuses a WebSocket from another origin, allows its own origin and clients without Origin', async () => {
    const host = new URL(relay.url).host
    expect(await upgrade('/sync', { Origin: 'https://evil.example' })).toBe(403)
    expect(await upgrade('/yjs/case/0b0f3d3c-5a0e-4c55-9d1e-2a7f8f1f6c11?token=x', { Origin: 'https://evil.example' })).toBe(403)
    expect(await upgrade('/sync', { Origin: `http://${host}` })).toBe(101)
    expect(await upgrade('/sync', {})).toBe(101)
  })

  it('a configured origin may connect', async () => {
    const other = await testRelay({ allowedOrigins: ['https://doum.example.kr'] })
    try {
      const status = await new Promise<number>((resolve) => {
        const ws = new WebSocket(`${wsUrl(other.url)}/sync`, { headers: { Origin: 'https://doum.example.kr' } })
        ws.once('open', () => { ws.terminate(); resolve(101) })
        ws.once('unexpected-response', (_q, res) => { ws.terminate(); resolve(res.statusCode ?? 0) })
      })
      expect(status).toBe(101)
    } finally {
      await other.close()
    }
  })

  it('will not listen beyond loopback in clear text', async () => {
    await expect(startRelay({ host: '0.0.0.0', port: 0, storage: 'memory', log: () => {} })).rejects.toThrow(/TLS.*TRUST_PROXY/s)
    const proxied = await startRelay({ host: '0.0.0.0', port: 0, storage: 'memory', trustProxy: true, log: () => {} })
    await proxied.close()
  })
})
