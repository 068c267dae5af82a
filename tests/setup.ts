// Shared test setup: jest-dom matchers for component tests (no effect in Node-only tests).
import '@testing-library/jest-dom/vitest'
import { configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// findBy*/waitFor give up after 1 s by default; with every test file running in parallel on a 2-core CI
// machine, a store write plus a render can take longer. A wait that succeeds returns as soon as it does.
configure({ asyncUtilTimeout: 5000 })

// A component test may end while a command it started is still finishing (fake-indexeddb answers on
// later ticks); a React update that lands after the file's jsdom is gone fails the whole run. Let those
// finish before the next test.
afterEach(async () => {
  if (typeof window === 'undefined') return
  await new Promise((resolve) => setTimeout(resolve, 25))
})
