// Prints the gzip size of what dist/index.html loads up front: its module script, the chunks it
// modulepreloads and its stylesheets. Lazy chunks are listed separately. Run after `vite build`.
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

// A build directory may be named (the benchmark's .bench-dist); dist/ by default.
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = process.argv[2] ? join(root, process.argv[2]) : join(root, 'dist')
const indexPath = join(dist, 'index.html')
if (!existsSync(indexPath)) {
  console.error('bundle-size: dist/index.html not found; run `npx vite build` first.')
  process.exit(1)
}
const html = readFileSync(indexPath, 'utf8')

const initial = new Set()
const patterns = [
  /<script[^>]+type="module"[^>]+src="([^"]+)"/g,
  /<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g,
  /<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g,
]
for (const re of patterns) for (const m of html.matchAll(re)) initial.add(m[1].replace(/^\//, ''))

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`
const sizeOf = (file) => {
  const bytes = readFileSync(join(dist, file))
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}

let total = { raw: 0, gzip: 0 }
console.log('initial load (index.html + what it loads):')
const htmlSize = sizeOf('index.html')
console.log(`  ${'index.html'.padEnd(44)} ${kb(htmlSize.raw).padStart(10)} ${kb(htmlSize.gzip).padStart(10)} gzip`)
total = { raw: total.raw + htmlSize.raw, gzip: total.gzip + htmlSize.gzip }
for (const file of [...initial].sort()) {
  const s = sizeOf(file)
  total = { raw: total.raw + s.raw, gzip: total.gzip + s.gzip }
  console.log(`  ${file.padEnd(44)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} gzip`)
}

const lazy = readdirSync(join(dist, 'assets'))
  .map((f) => `assets/${f}`)
  .filter((f) => /\.(js|css)$/.test(f) && !initial.has(f))
let lazyGzip = 0
for (const f of lazy) lazyGzip += sizeOf(f).gzip

console.log(`INITIAL LOAD: ${kb(total.raw)} raw, ${kb(total.gzip)} gzip (JS+CSS+HTML)`)
console.log(`lazy chunks: ${lazy.length} files, ${kb(lazyGzip)} gzip (loaded on demand, precached by the service worker)`)
