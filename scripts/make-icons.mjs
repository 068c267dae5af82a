// Writes the PWA icons in public/ as real PNGs with no image library: an RGBA raster drawn
// here, deflated with zlib, framed as PNG chunks. Run: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib'
import { writeFileSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public')

const BRAND = [0x1f, 0x6f, 0x5c] // deep teal, the theme colour
const LIGHT = [0xe6, 0xf4, 0xef] // the lighter circle: "a hand held out"
const ACCENT = [0xf2, 0xb1, 0x3c] // small warm dot

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buf) {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typeAndData))
  return Buffer.concat([len, typeAndData, crc])
}

function encodePng(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1)
    raw[row] = 0 // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5)
      raw.set([r, g, b, a], row + 1 + x * 4)
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // colour type RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// Signed distance to a rounded square centred in the canvas (negative inside).
function roundedSquareDist(x, y, size, inset, radius) {
  const half = size / 2 - inset
  const qx = Math.abs(x - size / 2) - (half - radius)
  const qy = Math.abs(y - size / 2) - (half - radius)
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0))
  return outside + Math.min(Math.max(qx, qy), 0) - radius
}

const clamp01 = (v) => Math.min(1, Math.max(0, v))
const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t))

// maskable: the square fills the canvas and the mark stays inside the 80 % safe zone.
function drawMark(size, { maskable }) {
  const inset = maskable ? 0 : size * 0.04
  const radius = maskable ? 0 : size * 0.22
  const markScale = maskable ? 0.72 : 1
  return (x, y) => {
    const bgCover = maskable ? 1 : clamp01(0.5 - roundedSquareDist(x, y, size, inset, radius))
    if (bgCover === 0) return [0, 0, 0, 0]
    const cx = size / 2
    const cy = size / 2
    const circleR = size * 0.3 * markScale
    const circleCover = clamp01(0.5 - (Math.hypot(x - cx, y - cy) - circleR))
    const dotR = size * 0.085 * markScale
    const dotCover = clamp01(0.5 - (Math.hypot(x - cx, y - (cy - circleR * 0.18)) - dotR))
    let color = mix(BRAND, LIGHT, circleCover)
    color = mix(color, ACCENT, dotCover)
    return [...color, Math.round(255 * bgCover)]
  }
}

const icons = [
  { file: 'pwa-192.png', size: 192, maskable: false },
  { file: 'pwa-512.png', size: 512, maskable: false },
  { file: 'pwa-maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon.png', size: 180, maskable: true },
]

mkdirSync(publicDir, { recursive: true })
for (const icon of icons) {
  const png = encodePng(icon.size, drawMark(icon.size, icon))
  writeFileSync(join(publicDir, icon.file), png)
  console.log(`${icon.file}: ${icon.size}×${icon.size}, ${png.length} bytes`)
}
