// Hands the generated documents to a child process through one temp file (names + Yjs states).
import { readFileSync, writeFileSync } from 'node:fs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { DocState } from './data'

export function writeDocFile(file: string, items: DocState[]): void {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, items.length)
  for (const it of items) {
    encoding.writeVarString(e, it.name)
    encoding.writeVarUint8Array(e, it.update)
  }
  writeFileSync(file, encoding.toUint8Array(e))
}

export function readDocFile(file: string): DocState[] {
  const d = decoding.createDecoder(readFileSync(file))
  const n = decoding.readVarUint(d)
  const items: DocState[] = []
  for (let i = 0; i < n; i++) items.push({ name: decoding.readVarString(d), update: decoding.readVarUint8Array(d) })
  return items
}

/** Updates cross IPC (JSON) as base64. */
export const toWire = (items: DocState[]): { name: string; b64: string }[] =>
  items.map((it) => ({ name: it.name, b64: Buffer.from(it.update).toString('base64') }))
export const fromWire = (items: { name: string; b64: string }[]): DocState[] =>
  items.map((it) => ({ name: it.name, update: new Uint8Array(Buffer.from(it.b64, 'base64')) }))
