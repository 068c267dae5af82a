#!/usr/bin/env bash
# The browser half of `npm run bench`: the case list with 5,000 synthetic case files in Chromium.
# Uses its own build (with the measurement hook) so dist/, which users get, never contains it.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/ensure-chromium.sh >/dev/null
out=.bench-dist
VITE_E2E_HOOKS=1 npx vite build --outDir "$out" --emptyOutDir --logLevel error
echo ""
echo "== in Chromium, production build: first sync of the case files; the case list with 5,000 =="
DOUM_E2E_DIST="$out" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test -c bench/browser/playwright.config.ts --reporter=list 2>&1 \
  | grep -E '^\s*(perf|first sync|list open|search|stage filter|due filter|target|✓|✘|[0-9]+ (passed|failed))' || true
