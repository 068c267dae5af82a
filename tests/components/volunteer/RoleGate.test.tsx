// @vitest-environment jsdom
// The role gate: a volunteer's session gets only the volunteer app (no case list, no case file, no
// statistics or resources, no worker top bar, whatever the address); a worker's session still gets them.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { App } from '../../../src/App'
import { forgetSession } from '../../../src/security/session'
import { freshStore, giveElementsHeight, makeCase } from '../shell/harness'
import { makeBrief, signInAs } from './helpers'

beforeEach(() => {
  freshStore()
  giveElementsHeight()
  window.location.hash = '#/'
})
afterEach(() => {
  cleanup()
  forgetSession()
  window.location.hash = '#/'
})

describe('role gate', () => {
  it('a volunteer session never shows the case list, case files, statistics or resources', async () => {
    const caseId = await makeCase('박서연')
    await makeBrief('김순자')
    await signInAs('volunteer')
    render(<App sync={false} />)
    expect(await screen.findByRole('heading', { name: '오늘 살펴볼 가구', level: 1 })).toBeInTheDocument()
    expect(await screen.findByText('김순자')).toBeInTheDocument()
    expect(screen.getByTestId('network-state')).toBeInTheDocument()
    expect(screen.queryByRole('navigation', { name: '주 메뉴' })).toBeNull()
    expect(screen.queryByRole('link', { name: '사례 목록' })).toBeNull()
    expect(screen.queryByRole('link', { name: '통계' })).toBeNull()
    expect(screen.queryByTestId('case-row')).toBeNull()

    for (const hash of ['#/cases', `#/case/${caseId}`, `#/case/${caseId}/visits`, '#/statistics', '#/resources', '#/new', '#/inbox', '#/nowhere']) {
      act(() => {
        window.location.hash = hash
        window.dispatchEvent(new HashChangeEvent('hashchange'))
      })
      expect(await screen.findByRole('heading', { name: '오늘 살펴볼 가구', level: 1 })).toBeInTheDocument()
      expect(screen.queryByText('박서연')).toBeNull()
      expect(screen.queryByTestId('case-row')).toBeNull()
      expect(screen.queryByRole('heading', { name: /통계|자원|가구 등록/ })).toBeNull()
    }
  })

  it('a worker session still shows the case list and the worker navigation', async () => {
    await makeCase('박서연')
    await signInAs('worker')
    render(<App sync={false} />)
    expect(await screen.findByRole('navigation', { name: '주 메뉴' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '사례 목록' })).toBeInTheDocument()
    await waitFor(() => expect(screen.getAllByTestId('case-row').map((r) => r.textContent)).toEqual([expect.stringContaining('박서연')]))
    expect(screen.queryByTestId('volunteer-app')).toBeNull()
  })
})
