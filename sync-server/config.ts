// Relay settings from the environment, with the documented defaults (see README.md).
import path from 'node:path'

export type Synchronous = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA'

export interface RelayConfig {
  host: string
  port: number
  dataDir: string
  tokenTtlSeconds: number
  /** A session unused this long ends (TOKEN_IDLE_SECONDS, 개인정보의 안전성 확보조치 기준 제6조④). */
  tokenIdleSeconds: number
  retentionDays: number
  tlsCertFile?: string
  tlsKeyFile?: string
  staticDir: string
  sqliteSynchronous: Synchronous
  /** Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry. */
  trustProxy: boolean
  /** Create the demo organisation on an empty database: see `wantsDemo`. */
  seedDemo: boolean
}

function intFrom(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number): number {
  const raw = env[key]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min) throw new Error(`${key} must be an integer ≥ ${min} (${key}는 ${min} 이상의 정수여야 합니다)`)
  return n
}

function boolFrom(env: NodeJS.ProcessEnv, key: string): boolean {
  const raw = (env[key] ?? '').trim().toLowerCase()
  if (raw === '' || raw === '0' || raw === 'false') return false
  if (raw === '1' || raw === 'true') return true
  throw new Error(`${key} must be 1 or 0 (${key}는 1 또는 0이어야 합니다)`)
}

export const DEFAULT_TOKEN_IDLE_SECONDS = 1800

export function readTokenIdleSeconds(env: NodeJS.ProcessEnv): number {
  return intFrom(env, 'TOKEN_IDLE_SECONDS', DEFAULT_TOKEN_IDLE_SECONDS, 1)
}

/**
 * `npm start` (a try-out) seeds the demo organisation on an empty database; the production entry
 * (`npm run relay`, which passes --production, or NODE_ENV=production) never does unless DEMO=1.
 */
export function wantsDemo(env: NodeJS.ProcessEnv, argv: readonly string[]): boolean {
  if ((env.DEMO ?? '') !== '') return boolFrom(env, 'DEMO')
  return !argv.includes('--production') && env.NODE_ENV !== 'production'
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv.slice(2)): RelayConfig {
  const sync = (env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase()
  if (!['OFF', 'NORMAL', 'FULL', 'EXTRA'].includes(sync)) {
    throw new Error('SQLITE_SYNCHRONOUS must be OFF, NORMAL, FULL or EXTRA')
  }
  const tlsCertFile = env.TLS_CERT_FILE || undefined
  const tlsKeyFile = env.TLS_KEY_FILE || undefined
  if (Boolean(tlsCertFile) !== Boolean(tlsKeyFile)) {
    throw new Error('TLS_CERT_FILE and TLS_KEY_FILE must be set together (둘 다 지정해야 합니다)')
  }
  return {
    host: env.HOST || '127.0.0.1',
    port: intFrom(env, 'PORT', 8787, 0),
    dataDir: path.resolve(env.DATA_DIR || './data'),
    tokenTtlSeconds: intFrom(env, 'TOKEN_TTL_SECONDS', 43_200, 1),
    tokenIdleSeconds: readTokenIdleSeconds(env),
    retentionDays: intFrom(env, 'RETENTION_DAYS', 730, 1),
    tlsCertFile,
    tlsKeyFile,
    staticDir: path.resolve(env.STATIC_DIR || './dist'),
    sqliteSynchronous: sync as Synchronous,
    trustProxy: boolFrom(env, 'TRUST_PROXY'),
    seedDemo: wantsDemo(env, argv),
  }
}

/** Size, quota, rate and connection limits of the relay (sync-server/limits.ts; defaults in README.md). */
export interface LimitsConfig {
  /** Largest merged state a document may reach through a push (MAX_DOC_BYTES). */
  maxDocBytes: number
  /** Bytes one account may push per calendar day in Asia/Seoul (USER_QUOTA_BYTES). */
  userQuotaBytes: number
  /** /sync Push and SvSync messages per session and minute (SYNC_RATE_PER_MINUTE); per user ×10, per address ×50. */
  syncPerMinute: number
  /** /yjs messages per connection and minute (YJS_RATE_PER_MINUTE); per user ×10, per address ×50. */
  yjsPerMinute: number
  /** /yjs awareness updates per connection and minute (AWARENESS_RATE_PER_MINUTE); per user ×10, per address ×50. */
  awarenessPerMinute: number
  /** Open /sync and /yjs sockets: in all, per client address, per account. */
  maxConnections: number
  maxConnectionsPerIp: number
  maxConnectionsPerUser: number
}

export function readLimitsConfig(env: NodeJS.ProcessEnv = process.env): LimitsConfig {
  return {
    maxDocBytes: intFrom(env, 'MAX_DOC_BYTES', 2 * 1024 * 1024, 1024),
    userQuotaBytes: intFrom(env, 'USER_QUOTA_BYTES', 256 * 1024 * 1024, 1024),
    syncPerMinute: intFrom(env, 'SYNC_RATE_PER_MINUTE', 1200, 1),
    yjsPerMinute: intFrom(env, 'YJS_RATE_PER_MINUTE', 6000, 1),
    awarenessPerMinute: intFrom(env, 'AWARENESS_RATE_PER_MINUTE', 1200, 1),
    maxConnections: intFrom(env, 'MAX_CONNECTIONS', 5000, 1),
    maxConnectionsPerIp: intFrom(env, 'MAX_CONNECTIONS_PER_IP', 1000, 1),
    maxConnectionsPerUser: intFrom(env, 'MAX_CONNECTIONS_PER_USER', 300, 1),
  }
}
