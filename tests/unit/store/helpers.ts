// Fresh store per test: a new fake-indexeddb database name, closed and deleted afterwards.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, beforeEach } from 'vitest'
import { closeStore, openStore } from '../../../src/store'
import { TEST_STORE_KEY } from '../../support/storeKey'
import { getDb } from '../../../src/store/db'
import { whenAllWritten } from '../../../src/store/docStore'
import { heldNames } from '../../../src/store/packs'
import type { CreateCaseInput } from '../../../src/store'

export let dbName = ''

export function useFreshStore(): void {
  beforeEach(() => {
    dbName = `test-${crypto.randomUUID()}`
    openStore(dbName, TEST_STORE_KEY)
  })
  afterEach(async () => {
    await whenAllWritten()
    closeStore()
    await Dexie.delete(dbName)
  })
}

/** Stored updates of every document: update rows plus parts in packs (src/store/packs.ts). */
export async function storedUpdateCount(): Promise<number> {
  const db = getDb()
  const packs = await db.packs.toArray()
  return (await db.updates.count()) + packs.reduce((n, p) => n + p.parts.length, 0)
}

/** Documents the device holds, with a doc row or only in a pack. */
export async function heldDocCount(): Promise<number> {
  return (await heldNames(getDb())).length
}

/** Closes the database and every open doc, then opens the same database again. */
export async function reopen(): Promise<void> {
  await whenAllWritten()
  closeStore()
  openStore(dbName, TEST_STORE_KEY)
}

export function caseInput(overrides: Partial<CreateCaseInput> = {}): CreateCaseInput {
  return {
    household: { targetType: 'basic', address: '서울특별시 서대문구 신촌로 10' },
    members: [
      { name: '김민수', birthDate: '1950-03-02', sexDigit: '1', phone: '010-1234-5678' },
      { name: '이영희', birthDate: '1953-07-11' },
    ],
    intake: { date: '2026-11-01', source: 'dongCenter', presentingProblem: '난방비 체납' },
    level: 'general',
    ...overrides,
  }
}
