// The HTTP side: routes /api/* to the JSON API and everything else to the static app.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isIP } from 'node:net'
import { handleApi } from './api'
import type { RelayCore } from './core'
import { serveStatic } from './static'

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

export function createRequestHandler(core: RelayCore, staticDir: string, trustProxy = false) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    let pathname: string
    try {
      pathname = new URL(req.url ?? '/', 'http://relay').pathname
    } catch {
      res.writeHead(400).end()
      return
    }
    if (pathname.startsWith('/api/')) {
      void handleApi(core, req, res, pathname, clientIp(req, trustProxy))
      return
    }
    serveStatic(staticDir, req, res, pathname)
  }
}
