// Brotli and gzip copies of the built app's text files (dist/x.js → x.js.br, x.js.gz), made once at build
// so the relay serves them without compressing per request (sync-server/static.ts). Run by vite build
// (vite.config.ts) and by hand: `node scripts/precompress.mjs [dir]`.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'

const TEXT = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt', '.map', '.ico'])
const MIN_BYTES = 1024

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* files(full)
    else if (entry.isFile()) yield full
  }
}

/** Writes the copies that are smaller than the file; returns the bytes before and after (best copy). */
export function precompress(dir) {
  let before = 0
  let after = 0
  for (const file of files(dir)) {
    if (!TEXT.has(path.extname(file).toLowerCase())) continue
    const data = fs.readFileSync(file)
    before += data.length
    if (data.length < MIN_BYTES) {
      after += data.length
      continue
    }
    const br = zlib.brotliCompressSync(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    })
    const gz = zlib.gzipSync(data, { level: 9 })
    for (const [ext, bytes] of [['.br', br], ['.gz', gz]]) {
      if (bytes.length < data.length) fs.writeFileSync(file + ext, bytes)
      else fs.rmSync(file + ext, { force: true })
    }
    after += Math.min(data.length, br.length)
  }
  return { before, after }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? 'dist')
  const { before, after } = precompress(dir)
  console.log(`precompressed ${dir}: ${before} → ${after} bytes (brotli)`)
}
