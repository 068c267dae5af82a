import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// Unit and component tests run in Node/jsdom; integration tests start a real relay on loopback.
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.tsx', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
