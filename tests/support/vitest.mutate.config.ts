// The focused suite `npm run mutate` (Stryker, stryker.config.json) runs against each mutant: the tests
// that exercise src/domain, the relay's access and store code and the device outbox. Not part of `npm test`.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export default defineConfig({
  root,
  test: {
    root,
    include: [
      'tests/unit/domain/**/*.test.ts',
      'tests/unit/sync/**/*.test.ts',
      'tests/unit/store/{syncAdapter,outboxGuard,rollback}.test.ts',
      'tests/unit/relay/**/*.test.ts',
      'tests/integration/relay/guard*.test.ts',
      'tests/integration/relay/{access,share,feed,badInput,purge,volunteerAccess,volunteerAssignment}.test.ts',
    ],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
