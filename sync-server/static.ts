// Serves the built PWA from STATIC_DIR with an SPA fallback to index.html, and the .br / .gz copies
// made at build (scripts/precompress.mjs) to clients that accept them. Dotfiles are never served.
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}
// Files that decide which version of the app runs must be revalidated on every load.
const NO_CACHE = new Set(['index.html', 'sw.js', 'registerSW.js', 'manifest.webmanifest'])
/** Precompressed siblings, best first. */
const ENCODINGS = [{ name: 'br', ext: '.br' }, { name: 'gzip', ext: '.gz' }] as const

/** `.env`, `.git/…`, `.well-known/…`: nothing under a dot is part of the app. */
const hasDotSegment = (urlPath: string): boolean => urlPath.split('/').some((s) => s.startsWith('.'))

function accepts(req: IncomingMessage, encoding: string): boolean {
  const header = req.headers['accept-encoding']
  const list = (Array.isArray(header) ? header.join(',') : header ?? '').toLowerCase().split(',')
  return list.some((part) => {
    const [name, ...params] = part.trim().split(';')
    return name === encoding && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))
  })
}

/** A copy older than its file is stale (the file was replaced after the build) and is never served. */
function compressedCopy(file: string, req: IncomingMessage): { path: string; size: number; encoding: string } | null {
  const modified = fs.statSync(file).mtimeMs
  for (const e of ENCODINGS) {
    if (!accepts(req, e.name)) continue
    try {
      const st = fs.statSync(file + e.ext)
      if (st.isFile() && st.mtimeMs >= modified) return { path: file + e.ext, size: st.size, encoding: e.name }
    } catch {
      // no such copy
    }
  }
  return null
}

function hasCompressedCopy(file: string): boolean {
  return ENCODINGS.some((e) => fs.existsSync(file + e.ext))
}

function fileIn(staticDir: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const full = path.resolve(staticDir, '.' + path.posix.normalize('/' + decoded))
  if (full !== staticDir && !full.startsWith(staticDir + path.sep)) return null
  try {
    return fs.statSync(full).isFile() ? full : null
  } catch {
    return null
  }
}

export function serveStatic(staticDir: string, req: IncomingMessage, res: ServerResponse, pathname: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end()
    return
  }
  let decoded = pathname
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    // fileIn refuses it below
  }
  if (hasDotSegment(decoded)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
    return
  }
  let file = fileIn(staticDir, pathname)
  // SPA fallback: unknown paths without a file extension are app routes.
  if (!file && !path.posix.extname(pathname)) file = fileIn(staticDir, '/index.html')
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
    return
  }
  const base = path.basename(file)
  const copy = compressedCopy(file, req)
  const headers: Record<string, string | number> = {
    'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': copy?.size ?? fs.statSync(file).size,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': NO_CACHE.has(base) ? 'no-cache'
      : pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
  }
  if (copy) headers['Content-Encoding'] = copy.encoding
  // Caches (and the service worker) must not hand a compressed body to a client that did not ask for it.
  if (copy || hasCompressedCopy(file)) headers['Vary'] = 'Accept-Encoding'
  res.writeHead(200, headers)
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  fs.createReadStream(copy?.path ?? file).on('error', () => res.destroy()).pipe(res)
}
