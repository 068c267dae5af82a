// Splits one encoded Yjs update into several smaller updates whose merge is the original, so a document
// larger than a feed page's byte budget reaches a device in pieces (each applied as an ordinary update).
// Works on the encoded structs only (Y.decodeUpdate), never on a Y.Doc: see sync-server/README.md.
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number]
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']

/** A run of one struct: clocks [offset, offset + length) of it. */
interface Segment {
  struct: Struct
  offset: number
  length: number
  bytes: number
}

/** Bytes a struct of this many UTF-16 units may take at most, with its ids (3 bytes per unit in UTF-8). */
const ID_OVERHEAD = 40

function encodedSize(s: Segment): number {
  const e = new Y.UpdateEncoderV1()
  writeSegment(e, s)
  return e.toUint8Array().byteLength
}

/** Writes a segment; a string item cut short gets a copy whose content ends at offset + length. */
function writeSegment(e: Y.UpdateEncoderV1, { struct, offset, length }: Segment): void {
  if (struct instanceof Y.Item && struct.content instanceof Y.ContentString && offset + length < struct.length) {
    const cut = Object.assign(Object.create(Y.Item.prototype) as Y.Item, struct, {
      content: new Y.ContentString(struct.content.str.slice(0, offset + length)),
    })
    cut.write(e, offset)
  } else {
    struct.write(e, offset)
  }
}

/** Cuts a long string item into runs of at most `units` UTF-16 units, never inside a surrogate pair. */
function cutString(struct: Y.Item, str: string, units: number): Segment[] {
  const out: Segment[] = []
  let at = 0
  while (at < str.length) {
    let end = Math.min(str.length, at + units)
    const last = str.charCodeAt(end - 1)
    if (end < str.length && end - at > 1 && last >= 0xd800 && last <= 0xdbff) end--
    const seg: Segment = { struct, offset: at, length: end - at, bytes: 0 }
    seg.bytes = encodedSize(seg)
    out.push(seg)
    at = end
  }
  return out
}

function segmentsOf(structs: Struct[], budget: number): Segment[] {
  const units = Math.max(1, Math.floor((budget - ID_OVERHEAD) / 3))
  const out: Segment[] = []
  for (const struct of structs) {
    const whole: Segment = { struct, offset: 0, length: struct.length, bytes: 0 }
    whole.bytes = encodedSize(whole)
    if (whole.bytes > budget && struct instanceof Y.Item && struct.content instanceof Y.ContentString) {
      out.push(...cutString(struct, struct.content.str, units))
    } else {
      out.push(whole) // other content (embeds, binary) cannot be cut: it goes alone, as it was pushed
    }
  }
  return out
}

function encodePiece(segments: Segment[], ds: DeleteSet | null): Uint8Array {
  const e = new Y.UpdateEncoderV1()
  const byClient = new Map<number, Segment[]>()
  for (const s of segments) {
    const list = byClient.get(s.struct.id.client)
    if (list) list.push(s)
    else byClient.set(s.struct.id.client, [s])
  }
  encoding.writeVarUint(e.restEncoder, byClient.size)
  for (const [client, list] of byClient) {
    encoding.writeVarUint(e.restEncoder, list.length)
    e.writeClient(client)
    encoding.writeVarUint(e.restEncoder, list[0]!.struct.id.clock + list[0]!.offset)
    for (const s of list) writeSegment(e, s)
  }
  const clients = ds ? [...ds.clients.entries()].sort((a, b) => b[0] - a[0]) : []
  encoding.writeVarUint(e.restEncoder, clients.length)
  for (const [client, items] of clients) {
    e.resetDsCurVal()
    encoding.writeVarUint(e.restEncoder, client)
    encoding.writeVarUint(e.restEncoder, items.length)
    for (const it of items) {
      e.writeDsClock(it.clock)
      e.writeDsLen(it.len)
    }
  }
  return e.toUint8Array()
}

/**
 * Returns `update` itself when it fits `budget` bytes, else pieces of at most about `budget` bytes
 * (a struct that cannot be cut goes alone). Structs keep their order, so each client's runs stay
 * contiguous; the delete set rides the last piece (Yjs holds deletions of content not yet applied).
 */
export function splitUpdate(update: Uint8Array, budget: number): Uint8Array[] {
  if (update.byteLength <= budget) return [update]
  const { structs, ds } = Y.decodeUpdate(update)
  const pieces: Uint8Array[] = []
  let current: Segment[] = []
  let size = 0
  for (const seg of segmentsOf(structs, budget)) {
    if (current.length > 0 && size + seg.bytes > budget) {
      pieces.push(encodePiece(current, null))
      current = []
      size = 0
    }
    current.push(seg)
    size += seg.bytes
  }
  pieces.push(encodePiece(current, ds))
  return pieces
}
