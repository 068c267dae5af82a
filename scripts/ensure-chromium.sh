#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests.
# Playwright cannot download its own browser here, so we use the distribution package.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

install_cmd='apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium'

if [ "$(id -u)" -eq 0 ]; then
  echo "ensure-chromium: $CHROMIUM missing, installing Debian's chromium with apt-get…"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y chromium
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  echo "ensure-chromium: $CHROMIUM missing, installing Debian's chromium with sudo apt-get…"
  sudo apt-get update
  sudo DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y chromium
else
  echo "ensure-chromium: $CHROMIUM is missing and this user may not install packages." >&2
  echo "Install it once as root, then run the tests again:" >&2
  echo "  sudo sh -c '$install_cmd'" >&2
  exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing." >&2
  echo "Install the 'chromium' package so that $CHROMIUM exists (on Ubuntu: a non-snap build)." >&2
  exit 1
fi
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium installed)"
