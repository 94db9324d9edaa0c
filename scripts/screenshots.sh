#!/usr/bin/env bash
# Renders the README's screenshots from a fresh database with the public dataset, using
# Debian's Chromium (apt-get install chromium). Run after `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$tmp"' EXIT
export POLON_DB="$tmp/polon.db" POLON_PORT=18181 POLON_LOG_LEVEL=warn
node bin/polon.js load-public >/dev/null
node bin/polon.js serve & server=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$POLON_PORT/api/health" >/dev/null && break; sleep 0.2; done
mkdir -p docs/screenshots
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
  --user-data-dir="$tmp/chromium" --window-size=1100,760 \
  --screenshot=docs/screenshots/home.png "http://127.0.0.1:$POLON_PORT/" 2>/dev/null
echo "wrote docs/screenshots/home.png"
