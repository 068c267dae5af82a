// `npm start` / `npm run relay`: reads the environment, starts the relay, stops cleanly on SIGINT/SIGTERM.
import { readConfig } from './config'
import { startRelay } from './relay'

async function main(): Promise<void> {
  const config = readConfig()
  const relay = await startRelay({
    dataDir: config.dataDir,
    host: config.host,
    port: config.port,
    staticDir: config.staticDir,
    tokenTtlSeconds: config.tokenTtlSeconds,
    retentionDays: config.retentionDays,
    sqliteSynchronous: config.sqliteSynchronous,
    tls: config.tlsCertFile && config.tlsKeyFile ? { certFile: config.tlsCertFile, keyFile: config.tlsKeyFile } : undefined,
    seedDemo: config.seedDemo,
    trustProxy: config.trustProxy,
  })
  if (relay.storage.countUsers() === 0) {
    console.log('사용자가 없습니다. npm run admin -- add-user 로 추가하세요 (데모 조직은 DEMO=1일 때만). / no users yet: add one with npm run admin -- add-user (demo organisation only with DEMO=1)')
  }
  console.log(`도움 중계 서버 실행 중 / Doum relay listening on ${relay.url}`)
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: 종료합니다 / shutting down`)
    relay.close().then(() => process.exit(0), () => process.exit(1))
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((err: unknown) => {
  console.error(`시작하지 못했습니다 / failed to start: ${(err as Error).message}`)
  process.exit(1)
})
