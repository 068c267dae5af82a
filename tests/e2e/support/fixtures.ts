// Playwright fixtures every browser spec shares: a fresh relay (temp DATA_DIR, free port) and fresh
// persistent Chromium profiles, each torn down after its test.
import { test as base } from '@playwright/test'
import { disposeRelay, startRelay, type Relay } from './relay'
import { newProfileDir, removeProfileDir } from './browser'

async function withProfile(use: (dir: string) => Promise<void>): Promise<void> {
  const dir = newProfileDir()
  try {
    await use(dir)
  } finally {
    removeProfileDir(dir)
  }
}

export const test = base.extend<{ relay: Relay; profile: string; secondProfile: string }>({
  // Playwright reads the fixtures a fixture needs from this destructuring; these need none.
  // eslint-disable-next-line no-empty-pattern
  relay: async ({}, use) => {
    const relay = await startRelay()
    try {
      await use(relay)
    } finally {
      await disposeRelay(relay)
    }
  },
  // eslint-disable-next-line no-empty-pattern
  profile: async ({}, use) => withProfile(use),
  // eslint-disable-next-line no-empty-pattern
  secondProfile: async ({}, use) => withProfile(use),
})

export { expect } from '@playwright/test'
