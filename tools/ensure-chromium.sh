#!/usr/bin/env bash
# Make sure a Chromium exists for the browser tests: $CHROMIUM, or Debian's
# /usr/bin/chromium, installed here if missing. Never `playwright install`:
# these machines cannot download browser builds, only Debian packages.
set -euo pipefail
if [[ -n "${CHROMIUM:-}" && -x "${CHROMIUM}" ]] || [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" == 0 ]]; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "No Chromium found: set CHROMIUM=/path/to/chromium, or install Debian's 'chromium'." >&2
  echo "The browser tests will fall back to Playwright's own browser if one is installed." >&2
fi
