import { defineConfig } from '@playwright/test'
import base from '../../playwright.config'

// The browser half of `npm run bench`: same Chromium set-up as the end-to-end tests, other specs.
export default defineConfig({ ...base, testDir: '.', testMatch: '**/*.spec.ts', outputDir: '../../test-results/bench' })
