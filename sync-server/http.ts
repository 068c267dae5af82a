// The HTTP side: routes /api/* to the JSON API and everything else to the static app.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { handleApi } from './api'
import type { RelayCore } from './core'
import { serveStatic } from './static'

export function clientIp(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? '-'
}

export function createRequestHandler(core: RelayCore, staticDir: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    let pathname: string
    try {
      pathname = new URL(req.url ?? '/', 'http://relay').pathname
    } catch {
      res.writeHead(400).end()
      return
    }
    if (pathname.startsWith('/api/')) {
      void handleApi(core, req, res, pathname, clientIp(req))
      return
    }
    serveStatic(staticDir, req, res, pathname)
  }
}
