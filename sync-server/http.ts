// The HTTP side: routes /api/* to the JSON API and everything else to the static app, with the
// security headers on every response (API, static files, errors).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isIP } from 'node:net'
import { handleApi } from './api'
import { auditedRequestCore } from './auditedSession'
import type { RelayCore } from './core'
import { serveStatic } from './static'

/**
 * The built app needs only its own origin: module scripts, stylesheets, the manifest, the workbox
 * service worker and /sync (CSP3 'self' covers ws: and wss: of the same host). React's style props
 * go through the CSSOM, which style-src does not restrict; icons may be data: URLs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "worker-src 'self'", "manifest-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export function setSecurityHeaders(res: ServerResponse, tls: boolean): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('X-Frame-Options', 'DENY')
  // Only where the relay itself speaks TLS; behind a proxy the proxy sets it.
  if (tls) res.setHeader('Strict-Transport-Security', 'max-age=31536000')
}

/**
 * The address for the access records. With `trustProxy`, the last X-Forwarded-For entry: the one our
 * own proxy appended (earlier entries come from the client and can be forged).
 */
export function clientIp(req: IncomingMessage, trustProxy = false): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for']
    const last = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').pop()?.trim() ?? ''
    if (isIP(last)) return last
  }
  return req.socket.remoteAddress ?? '-'
}

export function createRequestHandler(core: RelayCore, staticDir: string, trustProxy = false, tls = false) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    setSecurityHeaders(res, tls)
    let pathname: string
    try {
      pathname = new URL(req.url ?? '/', 'http://relay').pathname
    } catch {
      res.writeHead(400).end()
      return
    }
    if (pathname.startsWith('/api/')) {
      void handleApi(auditedRequestCore(core, res), req, res, pathname, clientIp(req, trustProxy))
      return
    }
    serveStatic(staticDir, req, res, pathname)
  }
}
