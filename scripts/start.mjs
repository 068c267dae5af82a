// `npm start`: build the app when dist/ is missing or older than its sources, then run the relay
// (which serves dist/ and the sync endpoints) with the same environment, forwarding signals.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0
  const st = fs.statSync(p)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = 0
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)))
  return newest
}

const builtIndex = path.join(root, 'dist', 'index.html')
const built = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0
const sources = Math.max(...['src', 'public', 'index.html', 'vite.config.ts'].map((p) => newestMtime(path.join(root, p))))
if (built === 0 || sources > built) {
  console.log('앱을 빌드합니다 / building the app (vite build)…')
  const r = spawnSync(npx, ['vite', 'build'], { cwd: root, stdio: 'inherit', env: process.env })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

const child = spawn(npx, ['tsx', 'sync-server/main.ts'], { cwd: root, stdio: 'inherit', env: process.env })
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
