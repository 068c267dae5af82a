// Feed pages of protocol 5 carry the relay's list summaries after the cursor; pages without them are
// byte for byte what older devices read, and a page cannot claim more summaries than documents.
import { describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import { decodeMessage, encodeMessage, MsgType, ProtocolError } from '../../../src/sync/protocol'
import type { Docs } from '../../../src/sync/protocol'

const items = [
  { name: 'case/00000000-0000-4000-8000-000000000001', update: new Uint8Array([0, 0]) },
  { name: 'case/00000000-0000-4000-8000-000000000002', update: new Uint8Array([0, 0]) },
]

describe('Docs with summaries', () => {
  it('round-trips the summaries by name', () => {
    const page: Docs = { type: MsgType.Docs, items, cursor: 42, summaries: new Map([[items[0]!.name, '{"f":1,"한글":"요약"}']]) }
    const back = decodeMessage(encodeMessage(page)) as Docs
    expect(back.cursor).toBe(42)
    expect(back.items.map((i) => i.name)).toEqual(items.map((i) => i.name))
    expect([...(back.summaries ?? [])]).toEqual([[items[0]!.name, '{"f":1,"한글":"요약"}']])
  })

  it('a page without summaries encodes as before them and decodes without the field', () => {
    const plain = encodeMessage({ type: MsgType.Docs, items, cursor: 7 })
    const withNone = encodeMessage({ type: MsgType.Docs, items, cursor: 7, summaries: new Map() })
    expect(withNone.byteLength).toBe(plain.byteLength + 1)
    expect((decodeMessage(plain) as Docs).summaries).toBeUndefined()
  })

  it('refuses more summaries than the page has documents', () => {
    const e = encoding.createEncoder()
    encoding.writeUint8Array(e, encodeMessage({ type: MsgType.Docs, items, cursor: 7 }))
    encoding.writeVarUint(e, 3)
    for (let i = 0; i < 3; i++) {
      encoding.writeVarString(e, `case/${i}`)
      encoding.writeVarString(e, '{}')
    }
    expect(() => decodeMessage(encoding.toUint8Array(e))).toThrow(ProtocolError)
  })
})
