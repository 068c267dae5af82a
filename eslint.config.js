import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

// Layer rules from ARCHITECTURE.md: only src/store touches IndexedDB (Dexie); only src/store and
// src/sync (and the relay) import Yjs; no React in src/domain or src/sync.
const noDexie = { name: 'dexie', message: 'Only src/store may use Dexie/IndexedDB.' }
const noYjs = { name: 'yjs', message: 'Only src/store and src/sync may import Yjs; screens use store functions.' }
const noReact = { name: 'react', message: 'src/domain and src/sync know nothing of React.' }

export default tseslint.config(
  { ignores: ['dist', '.bench-dist', '.bench-base-src', '.bench-base-dist', '.stryker-tmp', 'reports', 'dev-dist', 'node_modules', 'data', 'test-results', 'playwright-report', 'coverage', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/store/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noDexie] }] },
  },
  {
    files: ['src/features/**/*.{ts,tsx}', 'src/i18n/**/*.{ts,tsx}', 'src/security/**/*.{ts,tsx}', 'src/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [noDexie, noYjs] }] },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noDexie, noYjs, noReact] }] },
  },
  {
    files: ['src/sync/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noDexie, noReact] }] },
  },
  {
    files: ['sync-server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noDexie, noReact] }] },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
)
