// Shared test setup: jest-dom matchers for component tests (no effect in Node-only tests).
import '@testing-library/jest-dom/vitest'
import { configure } from '@testing-library/react'

// findBy*/waitFor give up after 1 s by default; with every test file running in parallel on a 2-core CI
// machine, a store write plus a render can take longer. A wait that succeeds returns as soon as it does.
configure({ asyncUtilTimeout: 5000 })
