import { describe, expect, it } from 'vitest'
import { diffText, rebaseText } from '../../../src/features/common/textRebase'

describe('rebaseText', () => {
  it('keeps both edits when they touch different places', () => {
    expect(rebaseText('hello world', 'hello there', 'hello, world')).toBe('hello, there')
    expect(rebaseText('방문함', '방문함. 건강 양호', '오늘 방문함')).toBe('오늘 방문함. 건강 양호')
  })
  it('returns the other side when one side is unchanged', () => {
    expect(rebaseText('a', 'a', 'b')).toBe('b')
    expect(rebaseText('a', 'ab', 'a')).toBe('ab')
  })
  it('keeps both insertions at the same point', () => {
    const out = rebaseText('ab', 'aXb', 'aYb')
    expect(out).toHaveLength(4)
    expect(out).toContain('X')
    expect(out).toContain('Y')
  })
  it('lets the local text win an overlapping span and keeps the rest of the remote', () => {
    expect(rebaseText('abcdef', 'aXef', 'abYf')).toBe('aXef')
    expect(rebaseText('abcdef-tail', 'aXef-tail', 'abYf-tail')).toBe('aXef-tail')
  })
  it('diffText finds the single changed span', () => {
    expect(diffText('abcdef', 'abXYef')).toEqual({ start: 2, deleteCount: 2, insert: 'XY' })
  })
})
