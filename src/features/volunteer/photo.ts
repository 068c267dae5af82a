// Photos are shrunk on the phone before they are stored: longest side ≤ 1280 px, JPEG, and a data URL
// that fits PhotoSchema (≤ 700 000 characters; the quality steps down until it does).
import type { Photo } from '../../domain'

export const MAX_SIDE = 1280
export const MAX_DATA_URL = 700_000
const QUALITIES = [0.7, 0.6, 0.5, 0.4, 0.3, 0.2]

/** The size to draw at: the longest side at most `max`, the aspect ratio kept. */
export function fitWithin(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

async function decode(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; close: () => void }> {
  if (typeof createImageBitmap === 'function') {
    const bitmap = await createImageBitmap(file)
    return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() }
  }
  const url = URL.createObjectURL(file)
  try {
    const img = new Image()
    img.src = url
    await img.decode()
    return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => undefined }
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** Encodes a canvas as JPEG at falling quality until it fits; shrinks the canvas if even that is too big. */
export function encodeToFit(canvas: HTMLCanvasElement, maxChars = MAX_DATA_URL): string {
  for (let round = 0; round < 4; round++) {
    for (const q of QUALITIES) {
      const url = canvas.toDataURL('image/jpeg', q)
      if (!url.startsWith('data:image/jpeg;base64,')) throw new Error('no JPEG encoder')
      if (url.length <= maxChars) return url
    }
    const smaller = document.createElement('canvas')
    smaller.width = Math.max(1, Math.round(canvas.width * 0.7))
    smaller.height = Math.max(1, Math.round(canvas.height * 0.7))
    smaller.getContext('2d')?.drawImage(canvas, 0, 0, smaller.width, smaller.height)
    canvas = smaller
  }
  throw new Error('photo too large')
}

/** A picked or taken photo as a stored Photo. */
export async function shrinkPhoto(file: Blob): Promise<Photo> {
  const image = await decode(file)
  try {
    const size = fitWithin(image.width, image.height)
    const canvas = document.createElement('canvas')
    canvas.width = size.width
    canvas.height = size.height
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no canvas')
    ctx.fillStyle = '#fff' // a transparent PNG would turn black as JPEG
    ctx.fillRect(0, 0, size.width, size.height)
    ctx.drawImage(image.source, 0, 0, size.width, size.height)
    return { id: crypto.randomUUID(), dataUrl: encodeToFit(canvas) }
  } finally {
    image.close()
  }
}
