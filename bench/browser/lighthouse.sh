#!/usr/bin/env bash
# Part of `npm run bench` (issue 9): Lighthouse's mobile preset (its default: a mid-range phone on a
# throttled network and CPU) on the built app as the relay serves it, compressed; and the initial
# JavaScript. Lighthouse is fetched by npx on first use (12.8.2: newer ones need Node 22), not installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
dist="${1:-.bench-dist}"
data=$(mktemp -d)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
PORT=$port HOST=127.0.0.1 DATA_DIR="$data" STATIC_DIR="$dist" npx tsx sync-server/main.ts >/dev/null 2>&1 &
relay=$!
trap 'kill $relay 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.2; done
out=$(mktemp)
CHROME_PATH=/usr/bin/chromium npx -y lighthouse@12.8.2 "http://127.0.0.1:$port/" --quiet --only-categories=performance \
  --chrome-flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
  --output=json --output-path="$out" >/dev/null 2>&1 || { echo "lighthouse: could not run (npx needs the npm registry once)"; exit 0; }
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
const a = r.audits, score = Math.round(r.categories.performance.score * 100)
const tbt = a["total-blocking-time"].numericValue
console.log(`lighthouse mobile: performance ${score}, total blocking time ${tbt.toFixed(0)} ms, FCP ${a["first-contentful-paint"].displayValue}, LCP ${a["largest-contentful-paint"].displayValue}`)
console.log(`  target performance >= 95: ${score >= 95 ? "pass" : "MISS"}`)
' "$out"
rm -f "$out"
kib=$(node scripts/bundle-size.mjs "$dist" | sed -nE 's/^INITIAL LOAD: .* ([0-9.]+) KiB gzip.*/\1/p')
echo "initial load: $kib KiB gzip (what index.html loads: the lock screen; the app follows while the password is typed)"
node -e 'console.log(`  target initial load <= 160 KiB gzip: ${Number(process.argv[1]) <= 160 ? "pass" : "MISS"}`)' "$kib"
