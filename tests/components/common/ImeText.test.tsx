// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { ImeTextArea } from '../../../src/features/common/ImeTextArea'
import { ImeTextInput } from '../../../src/features/common/ImeTextInput'

afterEach(cleanup)

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Types one step of an IME composition: the element shows partial jamo, an input event fires. */
function composeStep(el: HTMLElement, value: string) {
  fireEvent.input(el, { target: { value }, isComposing: true })
}

describe('ImeTextArea with the Korean IME', () => {
  it('commits the final text once on compositionend and never partial jamo', () => {
    const onCommit = vi.fn()
    render(<ImeTextArea aria-label="관찰 내용" value="" onCommit={onCommit} />)
    const el = screen.getByLabelText('관찰 내용')
    fireEvent.compositionStart(el)
    for (const step of ['ㅎ', '하', '한', '한ㄱ', '한그', '한글']) composeStep(el, step)
    expect(onCommit).not.toHaveBeenCalled()
    fireEvent.compositionEnd(el, { data: '한글' })
    // Firefox and Safari send one more input after compositionend; it must not double-commit.
    fireEvent.input(el, { target: { value: '한글' } })
    expect(onCommit).toHaveBeenCalledTimes(1)
    expect(onCommit).toHaveBeenCalledWith('한글')
  })

  it('does not clobber the DOM with a remote value during composition, then merges both', () => {
    const onCommit = vi.fn()
    const { rerender } = render(<ImeTextArea aria-label="관찰 내용" value="안녕" onCommit={onCommit} />)
    const el = screen.getByLabelText<HTMLTextAreaElement>('관찰 내용')
    fireEvent.compositionStart(el)
    composeStep(el, '안녕ㅎ')
    composeStep(el, '안녕하')
    rerender(<ImeTextArea aria-label="관찰 내용" value="[원격] 안녕" onCommit={onCommit} />)
    expect(el.value).toBe('안녕하')
    composeStep(el, '안녕한')
    fireEvent.compositionEnd(el, { data: '한' })
    expect(el.value).toBe('[원격] 안녕한')
    expect(onCommit).toHaveBeenCalledTimes(1)
    expect(onCommit).toHaveBeenLastCalledWith('[원격] 안녕한')
  })

  it('applies a remote change at once when not composing, keeping the local text', () => {
    const onCommit = vi.fn()
    const { rerender } = render(<ImeTextInput aria-label="이름" value="김민수" onCommit={onCommit} />)
    const el = screen.getByLabelText<HTMLInputElement>('이름')
    rerender(<ImeTextInput aria-label="이름" value="김민수 님" onCommit={onCommit} />)
    expect(el.value).toBe('김민수 님')
    expect(onCommit).not.toHaveBeenCalled()
  })
})

describe('ImeTextInput typing without composition', () => {
  it('throttles commits while typing, ignores its own echo, and flushes on blur', async () => {
    const commits: string[] = []
    function Harness() {
      // Store that echoes every commit back as the new value, like useCaseFile does.
      const [value, setValue] = useState('')
      return (
        <ImeTextInput
          aria-label="메모"
          value={value}
          commitIntervalMs={1000}
          onCommit={(v) => {
            commits.push(v)
            setValue(v)
          }}
        />
      )
    }
    render(<Harness />)
    const el = screen.getByLabelText<HTMLInputElement>('메모')
    el.focus()
    for (const v of ['a', 'ab', 'abc', 'abcd']) fireEvent.input(el, { target: { value: v } })
    // Leading commit only; the rest waits for the interval.
    expect(commits).toEqual(['a'])
    expect(el.value).toBe('abcd')
    await sleep(1100)
    expect(commits).toEqual(['a', 'abcd'])
    fireEvent.input(el, { target: { value: 'abcde' } })
    fireEvent.blur(el)
    expect(commits).toEqual(['a', 'abcd', 'abcde'])
    expect(el.value).toBe('abcde')
  })

  it('commits pending text when unmounted mid-throttle', () => {
    const onCommit = vi.fn()
    const { unmount } = render(<ImeTextInput aria-label="메모" value="" commitIntervalMs={10_000} onCommit={onCommit} />)
    const el = screen.getByLabelText('메모')
    fireEvent.input(el, { target: { value: '가' } })
    fireEvent.input(el, { target: { value: '가나' } })
    expect(onCommit).toHaveBeenLastCalledWith('가')
    unmount()
    expect(onCommit).toHaveBeenLastCalledWith('가나')
  })
})
