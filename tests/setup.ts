// Shared test setup: jest-dom matchers for component tests (no effect in Node-only tests).
import '@testing-library/jest-dom/vitest'
