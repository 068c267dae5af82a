// startRelay: one HTTP(S) server with the static app, the JSON API, /sync and /yjs. Tests start it on port 0.
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { WebSocketServer } from 'ws'
import type { PerMessageDeflateOptions } from 'ws'
import { MAX_FRAME_BYTES } from '../src/sync/protocol'
import { watchAccess } from './accessWatch'
import { Auditor } from './audit'
import { acceptViews, auditedSocketCore, guardSends } from './auditedSession'
import { Auth } from './auth'
import type { Synchronous } from './config'
import type { RelayCore } from './core'
import { seedDemoIfEmpty } from './demo'
import { handleDeviceSocket } from './deviceSession'
import { clientIp, createRequestHandler } from './http'
import { Hub } from './hub'
import { PLAIN_HTTP_REFUSED, isLoopback, originAllowed, originsFromEnv } from './origin'
import { checkRestored, recordHead } from './restoreGuard'
import { startMaintenance } from './maintenance'
import { Sessions } from './sessions'
import { openMemoryStorage } from './storage/memory'
import { openSqliteStorage } from './storage/sqlite'
import type { RelayStorage } from './storage/types'
import { rejectUpgrade, upgradeYjs } from './yjsEndpoint'
import { YjsRooms } from './yjsRooms'

export interface RelayOptions {
  dataDir?: string
  storage?: 'sqlite' | 'memory'
  host?: string
  /** 0 = any free port. */
  port?: number
  staticDir?: string
  tokenTtlSeconds?: number
  retentionDays?: number
  sqliteSynchronous?: Synchronous
  tls?: { certFile: string; keyFile: string }
  seedDemo?: boolean
  /** Take client addresses from X-Forwarded-For (only behind your own reverse proxy). */
  trustProxy?: boolean
  /** How often to look for revocations written by the admin CLI (default 1000 ms). */
  accessPollMs?: number
  /** Browser origins besides the relay's own that may open /sync and /yjs (default: env ALLOWED_ORIGINS). */
  allowedOrigins?: string[]
  log?: (line: string) => void
}

export interface RelayHandle {
  port: number
  url: string
  storage: RelayStorage
  close(): Promise<void>
}

// Korean free text compresses well; a low level keeps CPU low on large feeds.
const DEFLATE: PerMessageDeflateOptions = {
  threshold: 1024,
  zlibDeflateOptions: { level: 3, memLevel: 8 },
  concurrencyLimit: 16,
}

export async function startRelay(options: RelayOptions = {}): Promise<RelayHandle> {
  const log = options.log ?? ((line: string) => console.log(line))
  if (!isLoopback(options.host ?? '127.0.0.1') && !options.tls && !options.trustProxy) throw new Error(PLAIN_HTTP_REFUSED)
  const allowedOrigins = options.allowedOrigins ?? originsFromEnv()
  const dataDir = options.storage === 'memory' ? null : path.resolve(options.dataDir ?? './data')
  const storage = dataDir ? openSqliteStorage(dataDir, options.sqliteSynchronous ?? 'FULL') : openMemoryStorage()
  const core: RelayCore = {
    storage,
    auth: new Auth(storage, options.tokenTtlSeconds ?? 43_200),
    auditor: new Auditor(storage),
    hub: new Hub(),
    sessions: new Sessions(),
    log,
  }
  if (dataDir) checkRestored(dataDir, storage, log)
  if (options.seedDemo) await seedDemoIfEmpty(storage, log)
  let headMark: ReturnType<typeof recordHead> | undefined
  const markHead = (): void => {
    try {
      if (dataDir) headMark = recordHead(dataDir, storage, headMark)
    } catch (err) {
      log(`could not write the head mark: ${(err as Error).name}`)
    }
  }
  markHead()
  const headTimer = dataDir ? setInterval(markHead, 2000) : undefined
  headTimer?.unref()
  const rooms = new YjsRooms()
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: DEFLATE, maxPayload: MAX_FRAME_BYTES })
  const handler = createRequestHandler(core, path.resolve(options.staticDir ?? './dist'), options.trustProxy, Boolean(options.tls))
  const server = options.tls
    ? https.createServer({ cert: fs.readFileSync(options.tls.certFile), key: fs.readFileSync(options.tls.keyFile) }, handler)
    : http.createServer(handler)

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy())
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://relay')
    } catch {
      return rejectUpgrade(socket, 400, 'Bad Request')
    }
    const ip = clientIp(req, options.trustProxy)
    const isSync = url.pathname === '/sync'
    if ((isSync || url.pathname.startsWith('/yjs/')) && !originAllowed(req, allowedOrigins)) {
      return rejectUpgrade(socket, 403, 'Forbidden')
    }
    if (isSync) {
      const session = auditedSocketCore(core, ip)
      wss.handleUpgrade(req, socket, head, (ws) => {
        guardSends(ws, session.auditor)
        acceptViews(ws, session.auditor, ip)
        handleDeviceSocket(ws, ip, session)
      })
    } else if (url.pathname.startsWith('/yjs/')) {
      const session = auditedSocketCore(core, ip, 'yjs')
      // The endpoint upgrades itself; hand it a server whose sockets send only after their records are committed.
      const guarded = Object.create(wss, {
        handleUpgrade: {
          value: (...[r, s, h, cb]: Parameters<WebSocketServer['handleUpgrade']>) =>
            wss.handleUpgrade(r, s, h, (ws, request) => {
              guardSends(ws, session.auditor)
              cb(ws, request)
            }),
        },
      }) as WebSocketServer
      upgradeYjs(req, socket, head, url, guarded, session, rooms, ip)
    } else {
      rejectUpgrade(socket, 400, 'Bad Request')
    }
  })

  const stopMaintenance = startMaintenance(storage, options.retentionDays ?? 730, log)
  const stopWatch = watchAccess(core, options.accessPollMs ?? 1000)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const host = options.host ?? '127.0.0.1'
  const url = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`

  let closing: Promise<void> | null = null
  return {
    port,
    url,
    storage,
    close() {
      closing ??= (async () => {
        stopMaintenance()
        stopWatch()
        clearInterval(headTimer)
        for (const ws of wss.clients) ws.terminate()
        await new Promise<void>((resolve) => wss.close(() => resolve()))
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
        if (!core.auditor.tryFlush()) log('access records could not be written at shutdown')
        markHead()
        storage.close()
      })()
      return closing
    },
  }
}
