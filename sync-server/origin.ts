// Who may open /sync and /yjs from a browser, and where the relay may listen.
import type { IncomingMessage } from 'node:http'

/**
 * A browser always sends Origin on a WebSocket upgrade, so a page on another site cannot open a socket
 * to the relay with a token it obtained (cross-site WebSocket hijacking). The relay's own origin (the
 * Host the request came to; behind a reverse proxy the proxy passes Host) and the configured list pass.
 * No Origin at all is allowed: that is a stock Node or native client (y-websocket in Node, scripts),
 * which is not a browser acting for someone else and must present a valid token anyway.
 */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return true
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    return false
  }
  if (host !== '' && host === req.headers.host) return true
  return allowed.includes(origin.replace(/\/$/, ''))
}

/** ALLOWED_ORIGINS: extra origins (e.g. https://doum.example.kr), comma-separated. */
export function originsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean)
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h)
}

/**
 * Passwords and tokens must not cross a network in clear text: a relay reachable from other machines
 * needs TLS itself or a reverse proxy that terminates it (TRUST_PROXY=1).
 */
export const PLAIN_HTTP_REFUSED =
  'HOST가 루프백 주소가 아니면 TLS(TLS_CERT_FILE/TLS_KEY_FILE) 또는 TLS를 맡는 역방향 프록시(TRUST_PROXY=1)가 필요합니다. ' +
  '/ A non-loopback HOST needs TLS (TLS_CERT_FILE/TLS_KEY_FILE) or a TLS-terminating reverse proxy (TRUST_PROXY=1).'
