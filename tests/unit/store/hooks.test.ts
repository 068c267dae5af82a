// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import {
  createCase,
  createDexieSyncStore,
  createVisit,
  saveSettings,
  setText,
  useCaseFile,
  useCaseList,
  useResources,
  useSettings,
  useUnsyncedCount,
} from '../../../src/store'
import { SEED_RESOURCES } from '../../../src/domain'
import { caseInput, useFreshStore } from './helpers'

describe('store hooks', () => {
  useFreshStore()

  it('useCaseList follows new cases and filters by query', async () => {
    await createCase(caseInput())
    const { result, rerender } = renderHook((props: { query?: string }) => useCaseList(props), { initialProps: {} })
    await waitFor(() => expect(result.current.loading).toBe(false))
    expect(result.current.rows.map((r) => r.headName)).toEqual(['김민수'])
    await act(async () => {
      await createCase(caseInput({ members: [{ name: '강호동' }] }))
    })
    await waitFor(() => expect(result.current.total).toBe(2))
    expect(result.current.rows.map((r) => r.headName)).toEqual(['강호동', '김민수'])
    rerender({ query: 'ㄱㅎ' })
    expect(result.current.rows.map((r) => r.headName)).toEqual(['강호동'])
  })

  it('useCaseFile shows every keystroke and useUnsyncedCount counts unacknowledged case files', async () => {
    const id = await createCase(caseInput())
    const visitId = await createVisit(id, { contact: 'met' })
    const file = renderHook(() => useCaseFile(id))
    const unsynced = renderHook(() => useUnsyncedCount())
    await waitFor(() => expect(file.result.current?.visits).toHaveLength(1))
    await act(async () => {
      await setText(id, ['visits', visitId, 'observations'], '방문')
    })
    expect(file.result.current?.visits[0]?.observations).toBe('방문')
    await waitFor(() => expect(unsynced.result.current).toBe(1))
    const sync = createDexieSyncStore()
    await act(async () => {
      await sync.markAcked((await sync.pendingUpdates(100)).map((p) => p.localId))
    })
    await waitFor(() => expect(unsynced.result.current).toBe(0))
  })

  it('useResources starts with the seed directory and useSettings follows saves', async () => {
    const resources = renderHook(() => useResources())
    await waitFor(() => expect(resources.result.current).toHaveLength(SEED_RESOURCES.length))
    const settings = renderHook(() => useSettings())
    expect(settings.result.current.locale).toBe('ko')
    await act(async () => {
      await saveSettings({ locale: 'en' })
    })
    await waitFor(() => expect(settings.result.current.locale).toBe('en'))
  })
})
