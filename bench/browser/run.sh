#!/usr/bin/env bash
# The browser half of `npm run bench`: first sync of 2,000 case files and the case list with 5,000 in
# Chromium, the app as it is beside the last build before at-rest encryption (built here from git).
# Uses its own builds (with the measurement hook) so dist/, which users get, never contains it.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/ensure-chromium.sh >/dev/null
out=.bench-dist
VITE_E2E_HOOKS=1 npx vite build --outDir "$out" --emptyOutDir --logLevel error

# Baseline: the last commit before issue 7 (see bench/browser/builds.ts), when the git history is here.
baseline=013e557
if git cat-file -e "$baseline^{commit}" 2>/dev/null; then
  src=.bench-base-src
  rm -rf "$src" && mkdir -p "$src"
  git archive "$baseline" src public index.html vite.config.ts tsconfig.json | tar -x -C "$src"
  ln -s "$PWD/node_modules" "$src/node_modules"
  (cd "$src" && VITE_E2E_HOOKS=1 npx vite build --outDir ../.bench-base-dist --emptyOutDir --logLevel error)
  export DOUM_BASELINE_DIST=.bench-base-dist
else
  echo "(no git history: the unencrypted baseline $baseline is skipped)"
fi

echo ""
echo "== the first load: Lighthouse mobile preset, and the initial JavaScript (targets: >= 95, <= 160 KiB gzip) =="
bash bench/browser/lighthouse.sh "$out"

echo ""
echo "== in Chromium, production builds: first sync of the case files; the case list with 5,000; unlock; a volunteer phone with 50 households offline =="
DOUM_E2E_DIST="$out" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test -c bench/browser/playwright.config.ts --reporter=list 2>&1 \
  | grep -E '^\s*(perf|first sync|list open|unlock|search|stage filter|due filter|target|✓|✘|[0-9]+ (passed|failed))' || true
