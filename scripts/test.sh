#!/usr/bin/env bash
# `npm test`: everything the project checks, in the order that fails fastest.
# Sets up what it needs itself (dependencies, Debian's Chromium); browser tests are never skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
current="setup"
step() { current="$1"; printf '\n\033[1m== %s ==\033[0m\n' "$1"; }
trap 'rc=$?; printf "\n\033[1;31mnpm test: FAILED in step \"%s\" (exit %s)\033[0m\n" "$current" "$rc"' ERR

# Idempotent: install only when node_modules is missing or older than the lock/manifest.
if [ ! -f node_modules/.package-lock.json ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ] \
  || [ package.json -nt node_modules/.package-lock.json ]; then
  step "npm install"
  npm install --no-audit --no-fund
fi

step "Chromium"
bash scripts/ensure-chromium.sh

step "typecheck"
npm run typecheck

step "lint"
npm run lint

step "vitest (unit, components, integration)"
npx vitest run

step "vite build"
npx vite build
node scripts/bundle-size.mjs

step "playwright (browser end-to-end, Chromium)"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test

printf '\n\033[1;32mnpm test: typecheck, lint, vitest, build and browser tests all passed in %ss\033[0m\n' \
  "$(( $(date +%s) - started ))"
