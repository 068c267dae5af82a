// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { CheckGroup, ConfirmButton, Field } from '../../../src/features/common'

afterEach(cleanup)

describe('Field', () => {
  it('links the control to its label and its Korean error', () => {
    render(<Field label="이름" error="이름을 입력하세요.">{(c) => <input {...c} />}</Field>)
    const input = screen.getByLabelText('이름')
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription('이름을 입력하세요.')
  })
  it('is not invalid without an error', () => {
    render(<Field label="이름">{(c) => <input {...c} />}</Field>)
    expect(screen.getByLabelText('이름')).toHaveAttribute('aria-invalid', 'false')
  })
})

describe('ConfirmButton', () => {
  it('acts only on the second press', () => {
    const onConfirm = vi.fn()
    render(
      <ConfirmButton confirmLabel="정말 삭제할까요?" onConfirm={onConfirm}>
        삭제
      </ConfirmButton>,
    )
    fireEvent.click(screen.getByRole('button', { name: '삭제' }))
    expect(onConfirm).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: '정말 삭제할까요?' }))
    expect(onConfirm).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('button', { name: '삭제' })).toBeInTheDocument()
  })
})

describe('CheckGroup', () => {
  it('reports the selection in option order', () => {
    const onChange = vi.fn()
    const options = [
      { value: 'a', label: '단전·단수' },
      { value: 'b', label: '배회' },
    ] as const
    render(<CheckGroup legend="위기 징후" options={options} selected={['b']} onChange={onChange} />)
    fireEvent.click(screen.getByLabelText('단전·단수'))
    expect(onChange).toHaveBeenCalledWith(['a', 'b'])
  })
})
